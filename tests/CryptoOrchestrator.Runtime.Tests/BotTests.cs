using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Runtime.Bots;

namespace CryptoOrchestrator.Runtime.Tests;

public sealed class BotTests : IDisposable
{
    private readonly HostDirectory _directory = new();

    public BotTests() => _directory.InstallSource("Counting");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ControlWork_RunsOnTheBotsThreadBetweenEvents_WhereFinishedStepsAndCountedEventsAgree()
    {
        using var host = _directory.CreateHost();
        host.Start();
        var bot = host.StartBot(Streams.Bot("live", "counting"));
        var steps = new StepCounter();
        await bot.InvokeAsync(pipeline =>
        {
            pipeline.Events.Subscribe(steps);
            return true;
        });
        // A look is queued after every chunk of events, so looks interleave with events however
        // fast or slow the machine is.
        var bars = Streams.Bars(20_000);
        var looks = new List<(long Steps, long Processed)>();
        foreach (var chunk in bars.Chunk(500))
        {
            foreach (var bar in chunk)
            {
                bot.Post(Streams.Btc, bar);
            }

            looks.Add(await bot.InvokeAsync(_ => (steps.Count, bot.EventsProcessed)));
        }

        await Streams.RunToEnd(bot, []);

        // Read on the bot's own thread between two events: every event counted has finished its step.
        Assert.All(looks, look => Assert.Equal(look.Processed, look.Steps));
        Assert.Equal(20_000, steps.Count);
    }

    [Fact]
    public async Task FinishedBot_RefusesEventsAndControlWork_NamingItself()
    {
        using var host = _directory.CreateHost();
        host.Start();
        var bot = host.StartBot(Streams.Bot("short-lived", "counting"));
        await Streams.RunToEnd(bot, Streams.Bars(10));

        Assert.Equal(BotState.Completed, bot.State);
        Assert.False(bot.Post(Streams.Btc, Streams.Bars(1)[0]));
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => bot.InvokeAsync(_ => 0));
        Assert.Contains("short-lived", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Completed", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondBotWithTheSameName_IsRefused()
    {
        using var host = _directory.CreateHost();
        host.Start();
        using var first = host.StartBot(Streams.Bot("twin", "counting"));

        var refusal = Assert.Throws<ArgumentException>(() => host.StartBot(Streams.Bot("twin", "counting")));
        Assert.Contains("'twin' is already running", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownStrategy_IsRefused_ListingTheActiveOnes()
    {
        using var host = _directory.CreateHost();
        host.Start();

        var refusal = Assert.Throws<InvalidOperationException>(() => host.StartBot(Streams.Bot("bot", "no-such-strategy")));
        Assert.Contains("No active plugin 'no-such-strategy'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Active: counting", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>Counts completed steps; called on the bot's thread, like the control work that reads it.</summary>
    private sealed class StepCounter : IEngineEventSink
    {
        public long Count { get; private set; }

        public void OnEquity(long time, decimal equity) => Count++;
    }
}
