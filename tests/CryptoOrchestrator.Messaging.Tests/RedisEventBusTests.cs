using CryptoOrchestrator.Messaging.Redis;
using StackExchange.Redis;

namespace CryptoOrchestrator.Messaging.Tests;

public sealed class RedisEventBusTests : EventBusContract
{
    private readonly string _prefix = TestRedis.NewPrefix();
    private readonly List<ConnectionMultiplexer> _connections = [];
    private ConnectionMultiplexer _connection = null!;

    public override async Task InitializeAsync() => _connection = await ConnectAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connections.Count > 0)
        {
            await TestRedis.DeleteKeysAsync(_connection, _prefix);
        }

        foreach (var connection in _connections)
        {
            await connection.CloseAsync();
            connection.Dispose();
        }
    }

    protected override IEventBus MakeBus(EventBusOptions options) => new RedisEventBus(_connection, _prefix, options);

    [Fact]
    public async Task TwoNodes_OnSeparateConnections_BothStreamEveryEvent_WhicheverPublishedIt()
    {
        var nodeA = NewNode(await ConnectAsync());
        var nodeB = NewNode(await ConnectAsync());
        await using var onA = nodeA.SubscribeAsync("shared", 0).GetAsyncEnumerator();
        await using var onB = nodeB.SubscribeAsync("shared", 0).GetAsyncEnumerator();
        var streamA = onA.TakeAsync(40);
        var streamB = onB.TakeAsync(40);

        var published = (await Task.WhenAll(
            PublishAsync(nodeA, "a", 20),
            PublishAsync(nodeB, "b", 20))).SelectMany(p => p).OrderBy(e => e.Sequence).ToList();

        Assert.Equal(EventStreams.Range(1, 40), published.Sequences());
        Assert.Equal(published, await streamA);
        Assert.Equal(published, await streamB);
    }

    [Fact]
    public async Task Buses_UnderDifferentPrefixes_NumberTheSameBotIndependently()
    {
        var other = TestRedis.NewPrefix();
        try
        {
            var mine = NewBus();
            await using var theirs = new RedisEventBus(_connection, other);
            await mine.PublishAsync("bot", BotEventTypes.Fill, 0, "{}");
            await mine.PublishAsync("bot", BotEventTypes.Fill, 1, "{}");

            Assert.Equal(1, (await theirs.PublishAsync("bot", BotEventTypes.Fill, 2, "{}")).Sequence);
        }
        finally
        {
            await TestRedis.DeleteKeysAsync(_connection, other);
        }
    }

    [Fact]
    public async Task Retention_KeepsTheLogAtItsCap()
    {
        var bus = NewBus(new EventBusOptions { RetentionPerBot = 7 });
        for (var i = 0; i < 30; i++)
        {
            await bus.PublishAsync("capped", BotEventTypes.Equity, i, "{}");
        }

        var log = new RedisKeyspace(_prefix).Log("capped");
        var retained = await _connection.GetDatabase().SortedSetRangeByRankWithScoresAsync(log);
        Assert.Equal(EventStreams.Range(24, 30), retained.Select(entry => (long)entry.Score).ToArray());
    }

    [Fact]
    public async Task ALiveMessageThatNeverArrives_IsRecoveredFromTheLog()
    {
        var bus = NewBus();
        await bus.PublishAsync("lossy", BotEventTypes.Fill, 1, """{"n":1}""");
        await using var events = bus.SubscribeAsync("lossy", 0).GetAsyncEnumerator();
        Assert.Equal(1, (await events.NextAsync()).Sequence);

        // Event 2 is numbered and logged exactly as the publish script does, but its message is lost.
        var keys = new RedisKeyspace(_prefix);
        await _connection.GetDatabase().ScriptEvaluateAsync(
            """
            local sequence = redis.call('INCR', KEYS[1])
            redis.call('ZADD', KEYS[2], sequence, string.format('%d:%s', sequence, ARGV[1]))
            """,
            [keys.Sequence("lossy"), keys.Log("lossy")],
            [EventEntry.EncodeTail(BotEventTypes.Order, 2, """{"n":2}""")]);
        var third = await bus.PublishAsync("lossy", BotEventTypes.Fill, 3, """{"n":3}""");

        Assert.Equal(
            [new BotEvent("lossy", 2, BotEventTypes.Order, 2, """{"n":2}"""), third],
            await events.TakeAsync(2));
    }

    [Fact]
    public async Task BotIdsWithGlobCharacters_AreLiteralChannels()
    {
        var bus = NewBus();
        await using var star = bus.SubscribeAsync("bot*", 0).GetAsyncEnumerator();
        await using var plain = bus.SubscribeAsync("botx", 0).GetAsyncEnumerator();
        var starNext = star.NextAsync();

        await bus.PublishAsync("botx", BotEventTypes.Fill, 0, """{"bot":"x"}""");
        var published = await bus.PublishAsync("bot*", BotEventTypes.Fill, 0, """{"bot":"*"}""");

        Assert.Equal(published, await starNext);
        Assert.Equal("botx", (await plain.NextAsync()).BotId);
    }

    private static async Task<List<BotEvent>> PublishAsync(IEventBus node, string from, int count)
    {
        var published = new List<BotEvent>();
        for (var i = 0; i < count; i++)
        {
            published.Add(await node.PublishAsync("shared", BotEventTypes.Fill, i, $$"""{"from":"{{from}}","i":{{i}}}"""));
        }

        return published;
    }

    private IEventBus NewNode(ConnectionMultiplexer connection) => Track(new RedisEventBus(connection, _prefix));

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var connection = await TestRedis.ConnectAsync();
        _connections.Add(connection);
        return connection;
    }
}
