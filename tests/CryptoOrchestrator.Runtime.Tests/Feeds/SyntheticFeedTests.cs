using CryptoOrchestrator.Runtime.Feeds;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Runtime.Tests.Feeds.FeedReading;

namespace CryptoOrchestrator.Runtime.Tests.Feeds;

public class SyntheticFeedTests
{
    private static readonly Instrument Btc = Instrument.Spot("BTCUSDT");
    private static readonly Instrument Eth = Instrument.Spot("ETHUSDT");

    [Fact]
    public async Task SameSeed_GivesTheSameBars_AcrossGeneratedBlocks()
    {
        var options = new SyntheticFeedOptions { Seed = 42, Bars = 2_500 };

        var first = await ReadAll(new SyntheticFeed([Btc], options));
        var second = await ReadAll(new SyntheticFeed([Btc], options));
        var otherSeed = await ReadAll(new SyntheticFeed([Btc], options with { Seed = 43 }));

        Assert.Equal(2_500, first.Count);
        Assert.Equal(first, second);
        Assert.NotEqual(first.Select(b => b.Bar.Close), otherSeed.Select(b => b.Bar.Close));
    }

    [Fact]
    public async Task Bars_FollowEachOtherSeamlessly_OneIntervalApart_EachOpeningAtThePreviousClose()
    {
        var options = new SyntheticFeedOptions { Seed = 3, Bars = 2_100, IntervalMs = 300_000, StartTime = 1_700_000_000_000 };

        var bars = (await ReadAll(new SyntheticFeed([Btc], options))).Select(b => b.Bar).ToList();

        Assert.Equal(1_700_000_000_000, bars[0].OpenTime);
        Assert.All(bars.Zip(bars.Skip(1)), pair =>
        {
            Assert.Equal(pair.First.OpenTime + 300_000, pair.Second.OpenTime);
            Assert.Equal(pair.First.Close, pair.Second.Open);
        });
        Assert.All(bars, bar => Assert.Null(bar.Inconsistency()));
    }

    [Fact]
    public async Task TwoInstruments_GetOneBarEachPerInterval_FromWalksOfTheirOwn()
    {
        var feed = new SyntheticFeed([Btc, Eth], new SyntheticFeedOptions { Bars = 50 });

        var bars = await ReadAll(feed);

        Assert.Equal(100, bars.Count);
        Assert.All(bars.Chunk(2), step =>
        {
            Assert.Equal(["BTCUSDT", "ETHUSDT"], step.Select(b => b.Instrument.Symbol));
            Assert.Equal(step[0].Bar.CloseTime, step[1].Bar.CloseTime);
        });
        var btc = bars.Where(b => b.Instrument == Btc).Select(b => b.Bar.Close);
        var eth = bars.Where(b => b.Instrument == Eth).Select(b => b.Bar.Close);
        Assert.NotEqual(btc, eth);
    }

    [Fact]
    public async Task EndlessFeed_RunsUntilCancelled()
    {
        var feed = new SyntheticFeed([Btc], new SyntheticFeedOptions());
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in feed.ReadAsync(cancellation.Token))
            {
                if (++seen == 5_000)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.Equal(5_000, seen);
    }

    [Fact]
    public async Task OneMinuteBarsAtSixtyTimes_ComeOneSecondApart()
    {
        var time = new ManualTimeProvider();
        var feed = new SyntheticFeed([Btc], new SyntheticFeedOptions { Speed = FeedSpeed.Times(60) }, time);
        await using var bars = feed.ReadAsync().GetAsyncEnumerator();
        Assert.True(await bars.MoveNextAsync());

        var next = bars.MoveNextAsync().AsTask();
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await next.WaitAsync(Patience));
    }

    [Fact]
    public void ZeroInterval_IsRefused_NamingIt()
    {
        var refusal = Assert.ThrowsAny<ArgumentException>(() => new SyntheticFeed([Btc], new SyntheticFeedOptions { IntervalMs = 0 }));

        Assert.Contains("IntervalMs", refusal.Message, StringComparison.Ordinal);
    }
}
