using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Host.Tests;

public class CallerCacheTests
{
    private static readonly Caller Alice = new("u1", "alice", Role.Trader, null);

    [Fact]
    public void Find_ServesAKeptCaller_UntilItsLifetimeHasPassed()
    {
        var time = new ManualTime();
        var cache = new CallerCache(TimeSpan.FromSeconds(2), time);

        cache.Keep("user:u1", Alice, cache.Generation);
        var fresh = cache.Find("user:u1");
        time.Advance(TimeSpan.FromMilliseconds(1_999));
        var almost = cache.Find("user:u1");
        time.Advance(TimeSpan.FromMilliseconds(1));
        var expired = cache.Find("user:u1");

        Assert.Same(Alice, fresh);
        Assert.Same(Alice, almost);
        Assert.Null(expired);
    }

    [Fact]
    public void Invalidate_DropsEveryCaller_AndACallerReadBeforeItIsNeverServedAfterIt()
    {
        var cache = new CallerCache(TimeSpan.FromMinutes(1), new ManualTime());
        cache.Keep("user:u1", Alice, cache.Generation);
        // A request that started reading the store before the change, and finishes after it.
        var readBeforeChange = cache.Generation;

        cache.Invalidate();
        cache.Keep("key:abc", Alice with { Role = Role.Admin }, readBeforeChange);

        Assert.Null(cache.Find("user:u1"));
        Assert.Null(cache.Find("key:abc"));
    }

    [Fact]
    public void ALifetimeOfZero_KeepsNothing()
    {
        var cache = new CallerCache(TimeSpan.Zero, new ManualTime());

        cache.Keep("user:u1", Alice, cache.Generation);

        Assert.False(cache.Enabled);
        Assert.Null(cache.Find("user:u1"));
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = 1_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
