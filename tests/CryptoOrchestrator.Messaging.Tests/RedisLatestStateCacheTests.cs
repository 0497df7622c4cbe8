using StackExchange.Redis;

namespace CryptoOrchestrator.Messaging.Tests;

public sealed class RedisLatestStateCacheTests : LatestStateCacheContract
{
    private readonly string _prefix = TestRedis.NewPrefix();
    private ConnectionMultiplexer? _connection;
    private ILatestStateCache _cache = null!;

    protected override ILatestStateCache Cache => _cache;

    public override async Task InitializeAsync()
    {
        _connection = await TestRedis.ConnectAsync();
        _cache = new RedisLatestStateCache(_connection, _prefix);
    }

    public override async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await TestRedis.DeleteKeysAsync(_connection, _prefix);
            await _connection.CloseAsync();
            _connection.Dispose();
        }
    }

    [Fact]
    public async Task AnotherNode_ReadsWhatOneNodeWrote()
    {
        using var other = await TestRedis.ConnectAsync();
        await Cache.SetPriceAsync("SOLUSDT", 142.123456789m, 42);
        await Cache.SetBotStateAsync("bot-9", """{"state":"Paused"}""");

        var otherNode = new RedisLatestStateCache(other, _prefix);

        Assert.Equal((142.123456789m, 42L), await otherNode.GetPriceAsync("SOLUSDT"));
        Assert.Equal("""{"state":"Paused"}""", await otherNode.GetBotStateAsync("bot-9"));
    }
}
