using System.Collections.Concurrent;

namespace CryptoOrchestrator.Messaging.Tests;

/// <summary>What every <see cref="IEventBus"/> must do; each implementation runs these through a subclass.</summary>
public abstract class EventBusContract : IAsyncLifetime
{
    private readonly List<IEventBus> _buses = [];

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var bus in _buses)
        {
            await bus.DisposeAsync();
        }
    }

    /// <summary>A new bus; in a test, every bus made this way shares one server (when there is one).</summary>
    protected abstract IEventBus MakeBus(EventBusOptions options);

    protected IEventBus NewBus(EventBusOptions? options = null) => Track(MakeBus(options ?? new EventBusOptions()));

    /// <summary>Disposes the bus when the test ends.</summary>
    protected IEventBus Track(IEventBus bus)
    {
        _buses.Add(bus);
        return bus;
    }

    [Fact]
    public async Task Publish_NumbersEachBotFromOne_IndependentlyOfOtherBots()
    {
        var bus = NewBus();

        var published = new List<BotEvent>();
        foreach (var bot in new[] { "alpha", "beta", "alpha", "alpha", "beta" })
        {
            published.Add(await bus.PublishAsync(bot, BotEventTypes.Fill, 1_700_000_000_000 + published.Count, $$"""{"n":{{published.Count}}}"""));
        }

        Assert.Equal([1, 1, 2, 3, 2], published.Sequences());
        Assert.Equal(new BotEvent("alpha", 3, BotEventTypes.Fill, 1_700_000_000_003, """{"n":3}"""), published[3]);
    }

    [Fact]
    public async Task Subscribe_AfterSequence_YieldsExactlyTheRest_ThenLiveEvents()
    {
        var bus = NewBus();
        var published = new List<BotEvent>();
        for (var i = 0; i < 10; i++)
        {
            published.Add(await bus.PublishAsync("bot", BotEventTypes.Order, i, $$"""{"order":{{i}}}"""));
        }

        await using var events = bus.SubscribeAsync("bot", afterSequence: 4).GetAsyncEnumerator();
        Assert.Equal(published[4..], await events.TakeAsync(6));

        var live = new[]
        {
            await bus.PublishAsync("bot", BotEventTypes.Position, 20, """{"qty":"1.5"}"""),
            await bus.PublishAsync("bot", BotEventTypes.Equity, 21, """{"equity":"100.25"}"""),
        };
        Assert.Equal(live, await events.TakeAsync(2));
        Assert.Equal([11, 12], live.Sequences());
    }

    [Fact]
    public async Task Subscribe_ToABotWithNoEvents_ReceivesTheFirstOneLive()
    {
        var bus = NewBus();
        await using var events = bus.SubscribeAsync("quiet", afterSequence: 0).GetAsyncEnumerator();
        var first = events.NextAsync();

        var published = await bus.PublishAsync("quiet", BotEventTypes.BotState, 5, """{"state":"Running"}""");

        Assert.Equal(published, await first);
        Assert.Equal(1, published.Sequence);
    }

    [Fact]
    public async Task ConcurrentPublishers_WhileSubscribersReplay_SeeStrictlyConsecutiveSequences()
    {
        const int Publishers = 4;
        const int PerPublisher = 250;
        const int Before = 100;
        const int Total = Before + Publishers * PerPublisher;
        var bus = NewBus();
        var byPublisher = new ConcurrentDictionary<int, List<BotEvent>>();
        var bySequence = new ConcurrentDictionary<long, BotEvent>();
        for (var i = 0; i < Before; i++)
        {
            var early = await bus.PublishAsync("busy", BotEventTypes.Fill, i, "{}");
            bySequence[early.Sequence] = early;
        }

        var publishedSoFar = 0;
        var publishers = Enumerable.Range(0, Publishers).Select(p => Task.Run(async () =>
        {
            var mine = byPublisher.GetOrAdd(p, _ => []);
            for (var i = 0; i < PerPublisher; i++)
            {
                var botEvent = await bus.PublishAsync("busy", BotEventTypes.Fill, i, $$"""{"publisher":{{p}},"i":{{i}}}""");
                mine.Add(botEvent);
                bySequence[botEvent.Sequence] = botEvent;
                Interlocked.Increment(ref publishedSoFar);
                if (i % 25 == 0)
                {
                    // Paced, so that the subscribers below join while publishing is still going on.
                    await Task.Delay(1);
                }
            }
        })).ToArray();

        // Subscribers join while the publishers race, from different points of the stream.
        async Task<List<BotEvent>> SubscribeWhenAsync(int publishedAtLeast, long after)
        {
            while (Volatile.Read(ref publishedSoFar) < publishedAtLeast)
            {
                await Task.Yield();
            }

            await using var events = bus.SubscribeAsync("busy", after).GetAsyncEnumerator();
            return await events.TakeAsync((int)(Total - after));
        }

        var subscribers = new[] { SubscribeWhenAsync(0, 0), SubscribeWhenAsync(200, 50), SubscribeWhenAsync(500, 0), SubscribeWhenAsync(800, 99) };
        await Task.WhenAll(publishers);
        var streams = await Task.WhenAll(subscribers);

        foreach (var (stream, after) in streams.Zip(new long[] { 0, 50, 0, 99 }))
        {
            Assert.Equal(EventStreams.Range(after + 1, Total), stream.Sequences());
            Assert.All(stream, e => Assert.Equal(bySequence[e.Sequence], e));
        }

        // Each publisher's own events were numbered in the order it published them.
        Assert.All(byPublisher.Values, mine => Assert.Equal(mine.Sequences().Order(), mine.Sequences()));
    }

    [Fact]
    public async Task Subscribe_AfterATrimmedSequence_ThrowsEventsExpired_WhileARetainedStartReplays()
    {
        var bus = NewBus(new EventBusOptions { RetentionPerBot = 5 });
        for (var i = 0; i < 12; i++)
        {
            await bus.PublishAsync("trimmed", BotEventTypes.Equity, i, "{}");
        }

        await using (var retained = bus.SubscribeAsync("trimmed", afterSequence: 7).GetAsyncEnumerator())
        {
            Assert.Equal(EventStreams.Range(8, 12), (await retained.TakeAsync(5)).Sequences());
        }

        async Task AssertExpiredAsync(long after)
        {
            await using var missing = bus.SubscribeAsync("trimmed", after).GetAsyncEnumerator();
            var expired = await Assert.ThrowsAsync<EventsExpiredException>(() => missing.NextAsync());
            Assert.Equal(("trimmed", after, 8L), (expired.BotId, expired.AfterSequence, expired.OldestRetainedSequence));
        }

        await AssertExpiredAsync(6);
        await AssertExpiredAsync(0);
    }

    [Fact]
    public async Task Subscribe_AfterASequenceNotYetPublished_IsRefused()
    {
        var bus = NewBus();
        for (var i = 0; i < 3; i++)
        {
            await bus.PublishAsync("short", BotEventTypes.Fill, i, "{}");
        }

        await using var beyond = bus.SubscribeAsync("short", afterSequence: 4).GetAsyncEnumerator();
        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => beyond.NextAsync());
        Assert.Equal("afterSequence", refused.ParamName);
        Assert.Contains("sequence 3", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowSubscriber_IsEndedWithOverflow_WhilePublishersAndOtherSubscribersCarryOn()
    {
        const int Capacity = 8;
        var bus = NewBus(new EventBusOptions { SubscriberCapacity = Capacity });
        await bus.PublishAsync("flood", BotEventTypes.Fill, 0, "{}");
        await using var slow = bus.SubscribeAsync("flood", 0).GetAsyncEnumerator();
        await using var fast = bus.SubscribeAsync("flood", 0).GetAsyncEnumerator();
        Assert.Equal(1, (await slow.NextAsync()).Sequence);
        Assert.Equal(1, (await fast.NextAsync()).Sequence);

        // The slow subscriber stops reading. Publishing 100 more must not wait for it, and the fast one, reading
        // each event as it comes, must get every one.
        for (var i = 1; i <= 100; i++)
        {
            await bus.PublishAsync("flood", BotEventTypes.Fill, i, "{}").AsTask().WaitAsync(EventStreams.Patience);
            Assert.Equal(1 + i, (await fast.NextAsync()).Sequence);
        }

        var received = new List<BotEvent>();
        var overflow = await Assert.ThrowsAsync<SubscriberOverflowException>(async () =>
        {
            while (true)
            {
                received.Add(await slow.NextAsync());
            }
        });
        Assert.Equal(EventStreams.Range(2, 1 + received.Count), received.Sequences());
        Assert.InRange(received.Count, Capacity, 100 - 1);
        Assert.Equal(("flood", received[^1].Sequence, Capacity), (overflow.BotId, overflow.LastDeliveredSequence, overflow.Capacity));

        // Resuming after the last delivered event misses nothing.
        await using var resumed = bus.SubscribeAsync("flood", overflow.LastDeliveredSequence).GetAsyncEnumerator();
        Assert.Equal(EventStreams.Range(overflow.LastDeliveredSequence + 1, 101), (await resumed.TakeAsync((int)(101 - overflow.LastDeliveredSequence))).Sequences());
    }

    [Fact]
    public async Task CancellingASubscription_EndsIt_AndLeavesTheBotStreamingToOthers()
    {
        var bus = NewBus();
        await bus.PublishAsync("cancel", BotEventTypes.Order, 0, "{}");
        using var cancellation = new CancellationTokenSource();
        await using (var cancelled = bus.SubscribeAsync("cancel", 0, cancellation.Token).GetAsyncEnumerator())
        {
            await cancelled.NextAsync();
            var waiting = cancelled.NextAsync();
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        // The bot's last subscriber left; a new one still gets what comes next, live.
        await using var other = bus.SubscribeAsync("cancel", 0).GetAsyncEnumerator();
        Assert.Equal(1, (await other.NextAsync()).Sequence);
        await bus.PublishAsync("cancel", BotEventTypes.Order, 1, "{}");
        Assert.Equal(2, (await other.NextAsync()).Sequence);
    }

    [Fact]
    public async Task DisposingTheBus_EndsItsSubscribers_AndRefusesPublishing()
    {
        var bus = NewBus();
        await bus.PublishAsync("closing", BotEventTypes.BotState, 0, "{}");
        await using var events = bus.SubscribeAsync("closing", 0).GetAsyncEnumerator();
        await events.NextAsync();
        var waiting = events.MoveNextAsync().AsTask();

        await bus.DisposeAsync();

        Assert.False(await waiting.WaitAsync(EventStreams.Patience));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => bus.PublishAsync("closing", BotEventTypes.BotState, 1, "{}").AsTask());
    }

    [Theory]
    [InlineData("", "fill", "botId")]
    [InlineData(" ", "fill", "botId")]
    [InlineData("bot", "", "type")]
    public async Task Publish_RefusesAMissingBotIdOrType_NamingIt(string botId, string type, string parameter)
    {
        var bus = NewBus();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => bus.PublishAsync(botId, type, 0, "{}").AsTask());
        Assert.Equal(parameter, refused.ParamName);
    }

    [Fact]
    public void Subscribe_RefusesANegativeSequence()
    {
        var bus = NewBus();
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => bus.SubscribeAsync("bot", -1));
        Assert.Equal("afterSequence", refused.ParamName);
    }
}
