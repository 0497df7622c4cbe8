using System.Diagnostics;
using System.Globalization;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Runtime.Feeds;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Runtime.Tests.Feeds.FeedReading;

namespace CryptoOrchestrator.Runtime.Tests.Feeds;

public sealed class ReplayFeedTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("co-replay-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Theory]
    [InlineData("BTCUSDT-1m.csv", 20)]
    [InlineData("BTCUSDT-1h-binancevision.csv", 10)]
    [InlineData("GOOG.csv", 10)]
    public async Task Replay_YieldsEveryBarOfTheFile_InOrder(string file, int bars)
    {
        var feed = ReplayFeed.Load(TestData(file), FeedSpeed.AsFastAsPossible, Cached());

        var played = await ReadAll(feed);

        Assert.Equal(bars, played.Count);
        Assert.Equal(FirstOpenInFile(file), played[0].Bar.Open);
        Assert.All(played.Zip(played.Skip(1)), pair => Assert.True(pair.Second.Bar.OpenTime > pair.First.Bar.OpenTime));
        Assert.Equal(BarSeriesLoader.Load(TestData(file), Cached()).Bars.ToArray(), played.Select(b => b.Bar));
    }

    [Fact]
    public async Task Replay_OfTheBinaryCache_YieldsTheBarsOfItsCsv()
    {
        var fromCsv = await ReadAll(ReplayFeed.Load(TestData("BTCUSDT-1m.csv"), FeedSpeed.AsFastAsPossible, Cached()));
        var cacheFile = BarSeriesLoader.CachePathFor(TestData("BTCUSDT-1m.csv"), _cache);
        Assert.True(File.Exists(cacheFile), "loading the CSV writes its binary cache");

        var fromCache = await ReadAll(ReplayFeed.Load(cacheFile, FeedSpeed.AsFastAsPossible));

        Assert.Equal(fromCsv, fromCache);
        Assert.Equal("BTCUSDT", fromCache[0].Instrument.Symbol);
    }

    [Fact]
    public async Task TwoInstruments_AreMergedInCloseTimeOrder_FirstSeriesFirstOnATie()
    {
        var btc = BarSeriesLoader.Load(TestData("BTCUSDT-1m.csv"), Cached());
        var eth = BarSeriesLoader.Load(TestData("ETHUSDT-1m.csv"), Cached());
        var feed = new ReplayFeed([btc, eth], FeedSpeed.AsFastAsPossible);

        var played = await ReadAll(feed);

        Assert.Equal(30, played.Count);
        Assert.Equal(["BTCUSDT", "ETHUSDT"], feed.Instruments.Select(i => i.Symbol));
        Assert.All(played.Zip(played.Skip(1)), pair => Assert.True(pair.Second.Bar.CloseTime >= pair.First.Bar.CloseTime));
        // Both files start at the same minute: BTC, ETH, BTC, ETH … while both last.
        Assert.Equal(["BTCUSDT", "ETHUSDT", "BTCUSDT", "ETHUSDT"], played.Take(4).Select(b => b.Instrument.Symbol));
        Assert.Equal(btc.Bars.ToArray(), played.Where(b => b.Instrument.Symbol == "BTCUSDT").Select(b => b.Bar));
    }

    [Fact]
    public async Task SixtyTimesRealTime_PlaysOneMinuteBarsOneSecondApart()
    {
        var time = new ManualTimeProvider();
        var feed = ReplayFeed.Load(TestData("BTCUSDT-1m.csv"), FeedSpeed.Times(60), Cached(), time);
        await using var bars = feed.ReadAsync().GetAsyncEnumerator();

        Assert.True(await bars.MoveNextAsync().AsTask().WaitAsync(Patience), "the first bar comes at once");
        for (var bar = 1; bar <= 3; bar++)
        {
            var next = bars.MoveNextAsync().AsTask();
            time.Advance(TimeSpan.FromMilliseconds(999));
            Assert.False(next.IsCompleted, $"bar {bar} came before its second was up");
            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(await next.WaitAsync(Patience));
        }
    }

    [Fact]
    public async Task ConsumerThatFallsBehind_GetsTheLateBarAtOnce_ThenThePaceAgain_NotABurst()
    {
        var time = new ManualTimeProvider();
        var feed = ReplayFeed.Load(TestData("BTCUSDT-1m.csv"), FeedSpeed.Times(60), Cached(), time);
        await using var bars = feed.ReadAsync().GetAsyncEnumerator();
        Assert.True(await bars.MoveNextAsync());

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await bars.MoveNextAsync().AsTask().WaitAsync(Patience));
        var afterTheLateOne = bars.MoveNextAsync().AsTask();

        Assert.False(afterTheLateOne.IsCompleted, "the bars the consumer was late for are not fired off together");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await afterTheLateOne.WaitAsync(Patience));
    }

    [Fact]
    public async Task SixHundredTimesRealTime_TakesAtLeastATenthOfASecondPerBar_OnTheWallClock()
    {
        var feed = ReplayFeed.Load(TestData("BTCUSDT-1m.csv"), FeedSpeed.Times(600), Cached());
        var watch = Stopwatch.StartNew();

        var played = await ReadAll(feed, most: 4);

        Assert.Equal(4, played.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"4 bars took {watch.Elapsed.TotalMilliseconds} ms; 3 gaps of 100 ms were due");
    }

    [Fact]
    public async Task AsFastAsPossible_NeverWaits()
    {
        var time = new ManualTimeProvider();
        var feed = ReplayFeed.Load(TestData("BTCUSDT-1m.csv"), FeedSpeed.AsFastAsPossible, Cached(), time);

        var played = await ReadAll(feed).WaitAsync(Patience);

        Assert.Equal(20, played.Count);
        Assert.Equal(0, time.PendingTimers);
    }

    [Fact]
    public async Task Cancellation_EndsAPacedReplay_WhileItWaitsForTheNextBar()
    {
        var time = new ManualTimeProvider();
        var feed = ReplayFeed.Load(TestData("BTCUSDT-1m.csv"), FeedSpeed.Times(1), Cached(), time);
        using var cancellation = new CancellationTokenSource();
        await using var bars = feed.ReadAsync(cancellation.Token).GetAsyncEnumerator();
        Assert.True(await bars.MoveNextAsync());
        var waiting = bars.MoveNextAsync().AsTask();
        Assert.Equal(1, time.PendingTimers);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task Cancellation_EndsAReplayPlayedAsFastAsPossible()
    {
        var feed = ReplayFeed.Load(TestData("BTCUSDT-1m.csv"), FeedSpeed.AsFastAsPossible, Cached());
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in feed.ReadAsync(cancellation.Token))
            {
                if (++seen == 3)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.Equal(3, seen);
    }

    [Fact]
    public void TwoSeriesOfOneInstrument_AreRefused_NamingIt()
    {
        var btc = BarSeriesLoader.Load(TestData("BTCUSDT-1m.csv"), Cached());

        var refusal = Assert.Throws<ArgumentException>(() => new ReplayFeed([btc, btc], FeedSpeed.AsFastAsPossible));

        Assert.Contains("BTCUSDT has 2", refusal.Message, StringComparison.Ordinal);
    }

    private CsvReadOptions Cached() => new() { CacheDirectory = _cache };

    /// <summary>The open of the first bar, read from the file's text: the second column of the first line that starts with a digit.</summary>
    private static Price FirstOpenInFile(string file)
    {
        var line = File.ReadLines(TestData(file)).First(l => char.IsAsciiDigit(l[0]));
        return Price.FromDecimal(decimal.Parse(line.Split(',')[1], CultureInfo.InvariantCulture));
    }
}
