using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Engine.Analytics;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Analytics;

public class BoundedPerformanceTrackerTests
{
    private const long Minute = 60_000;

    [Fact]
    public void Bounded_OverAMillionBars_AllocatesNothing_KeepsItsPoints_AndReportsWhatTheWholeCurveDoes()
    {
        const int bars = 1_000_000;
        const int rounds = 4;
        const int points = 4_096;
        var bounded = PerformanceTracker.Bounded(10_000m, points);
        var whole = new PerformanceTracker(10_000m, bars);
        var walk = new EquityWalk(10_000m, seed: 7);
        var trade = new ClosedTrade(Instrument.Spot("BTCUSDT"), 0, PositionSide.Long, 0, Minute, Quantity.FromWhole(1), 100m, 101m, 1m, 0.1m, 0, 1);
        Record(bounded, whole, walk);

        var allocated = AllocationProbe.Least(rounds, () =>
        {
            for (var i = 0; i < bars / rounds; i++)
            {
                var (time, equity, inMarket) = walk.Next();
                bounded.RecordBar(time, equity, inMarket);
                bounded.OnTradeClosed(trade);
            }
        });
        // The whole curve, recorded apart from the measured loop, from the same walk.
        var replay = new EquityWalk(10_000m, seed: 7);
        replay.Next();
        for (var i = 1; i < bounded.BarCount; i++)
        {
            var (time, equity, inMarket) = replay.Next();
            whole.RecordBar(time, equity, inMarket);
            whole.OnTradeClosed(trade);
        }

        Assert.Equal(0, allocated);
        Assert.Equal(whole.EquityCurve.Length, bounded.BarCount);
        Assert.True(bounded.EquityCurve.Length <= points, $"{bounded.EquityCurve.Length} points kept");
        var expected = whole.BuildReport(PerformanceTracker.PeriodsPerYear(Minute), 0m);
        var actual = bounded.BuildReport(PerformanceTracker.PeriodsPerYear(Minute), 0m);
        // Exact: the same sums and the same drawdown pass, in the same order.
        Assert.Equal(
            (expected.Bars, expected.StartTime, expected.EndTime, expected.FinalEquity, expected.NetProfit, expected.TotalReturn, expected.Cagr),
            (actual.Bars, actual.StartTime, actual.EndTime, actual.FinalEquity, actual.NetProfit, actual.TotalReturn, actual.Cagr));
        Assert.Equal(
            (expected.MaxDrawdown, expected.MaxDrawdownBars, expected.MaxDrawdownDuration, expected.AverageDrawdown, expected.DrawdownPeriods, expected.Calmar),
            (actual.MaxDrawdown, actual.MaxDrawdownBars, actual.MaxDrawdownDuration, actual.AverageDrawdown, actual.DrawdownPeriods, actual.Calmar));
        Assert.Equal((expected.Exposure, expected.TradeCount, expected.GrossProfit, expected.Expectancy), (actual.Exposure, actual.TradeCount, actual.GrossProfit, actual.Expectancy));
        Assert.True(expected.DrawdownPeriods > 10, $"the walk has drawdowns: {expected.DrawdownPeriods}");
        // The spread: a running (Welford) figure against the two-pass one, equal to rounding.
        Assert.Equal(expected.AnnualizedVolatility, actual.AnnualizedVolatility, 1e-9 * expected.AnnualizedVolatility);
        Assert.Equal(expected.Sharpe, actual.Sharpe, 1e-9 * Math.Abs(expected.Sharpe));
        Assert.Equal(expected.Sortino, actual.Sortino, 1e-9 * Math.Abs(expected.Sortino));
    }

    [Fact]
    public void BoundedCurve_IsAnEvenSampleOfTheWholeRun_FromTheFirstBarToTheLatest()
    {
        var tracker = PerformanceTracker.Bounded(1_000m, 8);
        for (var i = 0; i < 37; i++)
        {
            tracker.RecordBar(i * Minute, 1_000m + i, inMarket: false);
        }

        // 37 bars in 8 points: every 8th bar from the first (0, 8, 16, 24, 32), then the latest (36).
        Assert.Equal([0L, 8, 16, 24, 32, 36], tracker.EquityCurve.ToArray().Select(p => p.Time / Minute));
        Assert.Equal(1_036m, tracker.EquityCurve[^1].Equity);
        Assert.Equal(37, tracker.BuildReport(1d, 0m).Bars);
    }

    [Fact]
    public void BoundedCurve_ThatNeverFills_IsTheWholeCurve()
    {
        var bounded = PerformanceTracker.Bounded(1_000m, 64);
        var whole = new PerformanceTracker(1_000m, 64);
        var walk = new EquityWalk(1_000m, seed: 3);
        for (var i = 0; i < 50; i++)
        {
            Record(bounded, whole, walk);
        }

        Assert.Equal(whole.EquityCurve.ToArray(), bounded.EquityCurve.ToArray());
        Assert.Equal(whole.BuildReport(1d, 0m).EquityCurve, bounded.BuildReport(1d, 0m).EquityCurve);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void Bounded_RefusesAPointCountThatIsNotEvenAndAtLeastTwo(int points) =>
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => PerformanceTracker.Bounded(1_000m, points)).ParamName);

    private static void Record(PerformanceTracker bounded, PerformanceTracker whole, EquityWalk walk)
    {
        var (time, equity, inMarket) = walk.Next();
        bounded.RecordBar(time, equity, inMarket);
        whole.RecordBar(time, equity, inMarket);
    }

    /// <summary>A seeded, mean-reverting random walk of equity in exact decimals, one bar a minute, in the market two bars of three.</summary>
    private sealed class EquityWalk(decimal start, int seed)
    {
        private readonly Random _random = new(seed);
        private readonly decimal _start = start;
        private decimal _equity = start;
        private long _bar;

        public (long Time, decimal Equity, bool InMarket) Next()
        {
            // Steps of up to ±1 % of the start, pulled back towards it, so the walk neither dies nor runs away.
            _equity = decimal.Round(_equity + (_random.Next(-100, 101) * _start / 10_000m) - ((_equity - _start) / 1_000m), 8);
            return (_bar * Minute, _equity, _bar++ % 3 != 0);
        }
    }
}
