using CryptoOrchestrator.Engine.Analytics;
using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Analytics;

public class PerformanceTrackerTests
{
    private const long Day = 86_400_000;
    private const long Hour = 3_600_000;
    private const long Start = 1_700_000_000_000;
    private const double Daily = 365;
    private const int Precision = 10;

    private static readonly Instrument Btc = Instrument.Spot("BTCUSDT");

    private static PerformanceTracker Curve(decimal initial, long step, params decimal[] equities)
    {
        var tracker = new PerformanceTracker(initial, equities.Length);
        for (var i = 0; i < equities.Length; i++)
        {
            tracker.RecordBar(Start + (i * step), equities[i], inMarket: false);
        }

        return tracker;
    }

    private static ClosedTrade Trade(decimal gross, decimal fees, long entryTime, long exitTime, decimal entryPrice = 100m) =>
        new(Btc, 0, PositionSide.Long, entryTime, exitTime, Quantity.FromWhole(1), entryPrice, entryPrice + gross, gross, fees, 0, 1);

    [Fact]
    public void ReturnMetrics_MatchTheTextbookFormulas_OnASmallCurve()
    {
        // Returns from 100: +10%, -10%, +10%.
        var report = Curve(100m, Day, 110m, 99m, 108.9m).BuildReport(Daily, 0m);

        double[] r = [0.1, -0.1, 0.1];
        var mean = (r[0] + r[1] + r[2]) / 3;
        var std = Math.Sqrt((Math.Pow(r[0] - mean, 2) + Math.Pow(r[1] - mean, 2) + Math.Pow(r[2] - mean, 2)) / 2);
        var downside = Math.Sqrt(0.01 / 3);
        Assert.Equal(0.089, report.TotalReturn, Precision);
        Assert.Equal(std * Math.Sqrt(365), report.AnnualizedVolatility, Precision);
        Assert.Equal(mean / std * Math.Sqrt(365), report.Sharpe, Precision);
        Assert.Equal(mean / downside * Math.Sqrt(365), report.Sortino, Precision);
        Assert.Equal(108.9m, report.FinalEquity);
        Assert.Equal(8.9m, report.NetProfit);
        Assert.Equal(3, report.Bars);
        Assert.Equal(Start, report.StartTime);
        Assert.Equal(Start + (2 * Day), report.EndTime);
    }

    [Fact]
    public void Cagr_CompoundsOverTheCalendarSpan_AndCalmarDividesByMaxDrawdown()
    {
        const long twoYears = 2 * PerformanceTracker.MillisecondsPerYear;
        var tracker = new PerformanceTracker(100m, 3);
        tracker.RecordBar(Start, 100m, false);
        tracker.RecordBar(Start + (twoYears / 2), 80m, false);
        tracker.RecordBar(Start + twoYears, 121m, false);

        var report = tracker.BuildReport(Daily, 0m);

        Assert.Equal(0.1, report.Cagr, Precision);
        Assert.Equal(0.2, report.MaxDrawdown, Precision);
        Assert.Equal(0.1 / 0.2, report.Calmar, Precision);
    }

    [Fact]
    public void Drawdowns_AreMeasuredPeakToRecovery_AndAveragedOverDistinctPeriods()
    {
        // Periods: 100 -> 90 -> 100 (3 bars, trough 10%), 120 -> 60 -> 120 (2 bars, 50%), 120 -> 110 unrecovered (1 bar, 1/12).
        var report = Curve(100m, Hour, 100m, 90m, 95m, 100m, 120m, 60m, 120m, 110m).BuildReport(24 * 365, 0m);

        Assert.Equal(0.5, report.MaxDrawdown, Precision);
        Assert.Equal(3, report.MaxDrawdownBars);
        Assert.Equal(TimeSpan.FromHours(3), report.MaxDrawdownDuration);
        Assert.Equal(3, report.DrawdownPeriods);
        Assert.Equal((0.1 + 0.5 + (1.0 / 12)) / 3, report.AverageDrawdown, Precision);
    }

    [Fact]
    public void InitialEquity_IsTheFirstPeak_SoALossOnTheFirstBarIsADrawdown()
    {
        var report = Curve(100m, Hour, 90m, 100m).BuildReport(24 * 365, 0m);

        Assert.Equal(0.1, report.MaxDrawdown, Precision);
        Assert.Equal(1, report.MaxDrawdownBars);
        Assert.Equal(TimeSpan.FromHours(1), report.MaxDrawdownDuration);
    }

    [Fact]
    public void NeverUnderwater_HasNoDrawdown_AndNoCalmar()
    {
        var report = Curve(100m, Day, 101m, 103m, 103m, 107m).BuildReport(Daily, 0m);

        Assert.Equal(0d, report.MaxDrawdown);
        Assert.Equal(0, report.MaxDrawdownBars);
        Assert.Equal(TimeSpan.Zero, report.MaxDrawdownDuration);
        Assert.Equal(0d, report.AverageDrawdown);
        Assert.True(double.IsNaN(report.Calmar));
        Assert.Equal(double.PositiveInfinity, report.Sortino);
    }

    [Fact]
    public void TradeStatistics_MatchTheTradeList()
    {
        var tracker = new PerformanceTracker(1_000m, 0);
        var trades = new[]
        {
            Trade(gross: 10m, fees: 1m, entryTime: 0, exitTime: 2 * Hour),
            Trade(gross: -5m, fees: 1m, entryTime: Hour, exitTime: 2 * Hour),
            Trade(gross: 3m, fees: 0m, entryTime: 0, exitTime: 3 * Hour),
            Trade(gross: 1m, fees: 1m, entryTime: 0, exitTime: (2 * Hour) + (Hour / 2)),
        };
        foreach (var trade in trades)
        {
            tracker.OnTradeClosed(trade);
        }

        var report = tracker.BuildReport(Daily, 0m);

        double[] returns = [0.09, -0.06, 0.03, 0];
        var mean = returns.Average();
        var std = Math.Sqrt(returns.Sum(x => (x - mean) * (x - mean)) / (returns.Length - 1));
        Assert.Equal(4, report.TradeCount);
        Assert.Equal(2, report.WinningTrades);
        Assert.Equal(1, report.LosingTrades);
        Assert.Equal(0.5, report.WinRate, Precision);
        Assert.Equal(12m, report.GrossProfit);
        Assert.Equal(6m, report.GrossLoss);
        Assert.Equal(2.0, report.ProfitFactor, Precision);
        Assert.Equal(1.5m, report.Expectancy);
        Assert.Equal(mean, report.AverageTradeReturn, Precision);
        Assert.Equal(Math.Sqrt(4) * mean / std, report.Sqn, Precision);
        Assert.Equal(0.09, report.BestTrade, Precision);
        Assert.Equal(-0.06, report.WorstTrade, Precision);
        Assert.Equal(TimeSpan.FromMinutes((120 + 60 + 180 + 150) / 4.0), report.AverageTradeDuration);
        Assert.Equal(TimeSpan.FromHours(3), report.MaxTradeDuration);
    }

    [Fact]
    public void OnlyWinningTrades_GiveAnInfiniteProfitFactor()
    {
        var tracker = new PerformanceTracker(1_000m, 0);
        tracker.OnTradeClosed(Trade(5m, 0m, 0, 1));
        tracker.OnTradeClosed(Trade(7m, 1m, 1, 2));

        var report = tracker.BuildReport(Daily, 0m);

        Assert.Equal(double.PositiveInfinity, report.ProfitFactor);
        Assert.Equal(1.0, report.WinRate);
    }

    [Fact]
    public void Exposure_IsTheFractionOfBarsInTheMarket()
    {
        var tracker = new PerformanceTracker(100m, 4);
        tracker.RecordBar(1, 100m, inMarket: false);
        tracker.RecordBar(2, 100m, inMarket: true);
        tracker.RecordBar(3, 100m, inMarket: false);
        tracker.RecordBar(4, 100m, inMarket: false);

        Assert.Equal(0.25, tracker.BuildReport(Daily, 0m).Exposure);
    }

    [Fact]
    public void NoBarsAndNoTrades_GiveNaNsAndZeros_NotExceptions()
    {
        var report = new PerformanceTracker(100m, 0).BuildReport(Daily, 0.5m);

        Assert.Equal(0, report.Bars);
        Assert.Empty(report.EquityCurve);
        Assert.Equal(100m, report.FinalEquity);
        Assert.Equal(0d, report.TotalReturn);
        Assert.True(double.IsNaN(report.Cagr));
        Assert.True(double.IsNaN(report.AnnualizedVolatility));
        Assert.True(double.IsNaN(report.Sharpe));
        Assert.True(double.IsNaN(report.Sortino));
        Assert.True(double.IsNaN(report.Calmar));
        Assert.Equal(0d, report.MaxDrawdown);
        Assert.True(double.IsNaN(report.Exposure));
        Assert.Equal(0, report.TradeCount);
        Assert.True(double.IsNaN(report.WinRate));
        Assert.True(double.IsNaN(report.ProfitFactor));
        Assert.Equal(0m, report.Expectancy);
        Assert.True(double.IsNaN(report.Sqn));
        Assert.True(double.IsNaN(report.BestTrade));
        Assert.True(double.IsNaN(report.WorstTrade));
        Assert.Equal(TimeSpan.Zero, report.AverageTradeDuration);
        Assert.Equal(0.5, report.BuyAndHoldReturn);
    }

    [Fact]
    public void SingleBar_HasNoVolatilityOrCagr_ButADownsideDeviation()
    {
        var report = Curve(100m, Day, 90m).BuildReport(Daily, 0m);

        Assert.Equal(-0.1, report.TotalReturn, Precision);
        Assert.True(double.IsNaN(report.AnnualizedVolatility));
        Assert.True(double.IsNaN(report.Sharpe));
        Assert.True(double.IsNaN(report.Cagr));
        Assert.Equal(-Math.Sqrt(365), report.Sortino, Precision);
    }

    [Fact]
    public void ZeroVolatility_GivesZeroVolAndNaNRatios_WhenFlat_AndInfinityWhenSteadilyRising()
    {
        var flat = Curve(100m, Day, 100m, 100m, 100m).BuildReport(Daily, 0m);
        var rising = Curve(100m, Day, 110m, 121m, 133.1m).BuildReport(Daily, 0m);

        Assert.Equal(0d, flat.AnnualizedVolatility);
        Assert.True(double.IsNaN(flat.Sharpe));
        Assert.True(double.IsNaN(flat.Sortino));
        Assert.Equal(0d, rising.AnnualizedVolatility);
        Assert.Equal(double.PositiveInfinity, rising.Sharpe);
    }

    [Fact]
    public void OneTrade_HasNoSqn_AndIdenticalTradesHaveNone()
    {
        var one = new PerformanceTracker(100m, 0);
        one.OnTradeClosed(Trade(5m, 0m, 0, 1));
        var same = new PerformanceTracker(100m, 0);
        same.OnTradeClosed(Trade(5m, 0m, 0, 1));
        same.OnTradeClosed(Trade(5m, 0m, 0, 1));

        Assert.True(double.IsNaN(one.BuildReport(Daily, 0m).Sqn));
        Assert.True(double.IsNaN(same.BuildReport(Daily, 0m).Sqn));
    }

    [Fact]
    public void WipedOutAccount_HasCagrOfMinusOne_AndUndefinedReturnRatios()
    {
        const long year = PerformanceTracker.MillisecondsPerYear;
        var tracker = new PerformanceTracker(100m, 3);
        tracker.RecordBar(0, 50m, false);
        tracker.RecordBar(year / 2, -10m, false);
        tracker.RecordBar(year, 5m, false);

        var report = tracker.BuildReport(Daily, 0m);

        Assert.Equal(-1d, Curve(100m, year, 50m, 0m).BuildReport(Daily, 0m).Cagr);
        Assert.True(double.IsNaN(report.Sharpe));
        Assert.True(double.IsNaN(report.AnnualizedVolatility));
        Assert.Equal(1.1, report.MaxDrawdown, Precision);
    }

    [Fact]
    public void EquityCurve_GrowsPastTheExpectedBars_AndIsCopiedIntoTheReport()
    {
        var tracker = new PerformanceTracker(100m, 1);
        for (var i = 0; i < 40; i++)
        {
            tracker.RecordBar(i, 100m + i, false);
        }

        var report = tracker.BuildReport(Daily, 0m);

        Assert.Equal(40, tracker.EquityCurve.Length);
        Assert.Equal(new EquityPoint(39, 139m), tracker.EquityCurve[39]);
        Assert.Equal(tracker.EquityCurve.ToArray(), report.EquityCurve);
    }

    [Fact]
    public void BarTimesThatDoNotIncrease_AreRefused()
    {
        var tracker = new PerformanceTracker(100m, 2);
        tracker.RecordBar(10, 100m, false);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => tracker.RecordBar(10, 100m, false));

        Assert.Equal("time", error.ParamName);
    }

    [Fact]
    public void TradeExitingBeforeItsEntry_IsRefused()
    {
        var tracker = new PerformanceTracker(100m, 0);

        Assert.Throws<ArgumentException>(() => tracker.OnTradeClosed(Trade(1m, 0m, entryTime: 5, exitTime: 4)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PeriodsPerYear_MustBePositiveAndFinite(double periodsPerYear)
    {
        var tracker = new PerformanceTracker(100m, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => tracker.BuildReport(periodsPerYear, 0m));
    }

    [Fact]
    public void PeriodsPerYear_CountsBarsInAJulianYear()
    {
        Assert.Equal(525_960, PerformanceTracker.PeriodsPerYear(60_000));
        Assert.Equal(365.25, PerformanceTracker.PeriodsPerYear(Day));
    }

    [Fact]
    public void NonPositiveInitialCash_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerformanceTracker(0m, 10));
    }
}
