using CryptoOrchestrator.Engine.Accounting;

namespace CryptoOrchestrator.Engine.Analytics;

/// <summary>
/// Records the equity curve bar by bar and folds closed trades into running statistics, then
/// builds a <see cref="PerformanceReport"/>. <see cref="RecordBar"/> and <see cref="OnTradeClosed"/>
/// are hot paths and allocate nothing while the curve stays within the expected bar count.
/// </summary>
public sealed class PerformanceTracker : IClosedTradeListener
{
    /// <summary>A Julian year (365.25 days): crypto markets trade every day of it.</summary>
    public const long MillisecondsPerYear = 31_557_600_000;

    private EquityPoint[] curve;
    private int count;
    private int barsInMarket;
    private TradeStatistics trades;

    /// <summary>Starts an empty record.</summary>
    /// <param name="initialCash">Equity before the first bar; positive.</param>
    /// <param name="expectedBars">Bars the run will record; the curve is sized for them up front.</param>
    public PerformanceTracker(decimal initialCash, int expectedBars)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCash);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedBars);
        InitialEquity = initialCash;
        curve = new EquityPoint[expectedBars];
    }

    /// <summary>Equity before the first bar.</summary>
    public decimal InitialEquity { get; }

    /// <summary>The equity recorded so far, one point per bar.</summary>
    public ReadOnlySpan<EquityPoint> EquityCurve => curve.AsSpan(0, count);

    /// <summary>Closed trades folded in so far.</summary>
    public int TradeCount => trades.Count;

    /// <summary>Bars per year for bars <paramref name="barIntervalMs"/> apart (Julian year).</summary>
    public static double PeriodsPerYear(long barIntervalMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(barIntervalMs);
        return MillisecondsPerYear / (double)barIntervalMs;
    }

    /// <summary>
    /// Appends the equity at the close of a bar. Hot path: allocation-free until more bars arrive
    /// than were expected, when the curve doubles once.
    /// </summary>
    /// <param name="time">Bar close time, Unix epoch ms; later than the previous bar's.</param>
    /// <param name="equity">Cash plus positions marked at the close.</param>
    /// <param name="inMarket">True when any position was open at the close (counts towards exposure).</param>
    public void RecordBar(long time, decimal equity, bool inMarket)
    {
        if (count > 0 && time <= curve[count - 1].Time)
        {
            throw new ArgumentOutOfRangeException(
                nameof(time), time, $"Bar times must increase; the previous bar was at {curve[count - 1].Time}.");
        }

        if (count == curve.Length)
        {
            Array.Resize(ref curve, Math.Max(16, curve.Length * 2));
        }

        curve[count++] = new EquityPoint(time, equity);
        if (inMarket)
        {
            barsInMarket++;
        }
    }

    /// <summary>Folds a closed trade into the running statistics; nothing about it is stored.</summary>
    public void OnTradeClosed(in ClosedTrade trade)
    {
        if (trade.ExitTime < trade.EntryTime)
        {
            throw new ArgumentException(
                $"Trade in {trade.Instrument?.Symbol} exits at {trade.ExitTime}, before its entry at {trade.EntryTime}.", nameof(trade));
        }

        trades.Add(trade);
    }

    /// <summary>Computes every metric from the curve and the trade statistics. Never throws for lack of data.</summary>
    /// <param name="periodsPerYear">Bars per year, to annualise; see <see cref="PeriodsPerYear(long)"/>.</param>
    /// <param name="buyAndHoldReturn">Return of holding the instrument over the same span, as a fraction.</param>
    public PerformanceReport BuildReport(double periodsPerYear, decimal buyAndHoldReturn)
    {
        if (!(periodsPerYear > 0) || double.IsInfinity(periodsPerYear))
        {
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "Periods per year must be positive and finite.");
        }

        var points = EquityCurve;
        var final = count == 0 ? InitialEquity : points[^1].Equity;
        var startTime = count == 0 ? 0L : points[0].Time;
        var endTime = count == 0 ? 0L : points[^1].Time;
        var returns = ReturnStatistics.Of(points, InitialEquity);
        var drawdowns = DrawdownStatistics.Of(points, InitialEquity);
        var annualiser = Math.Sqrt(periodsPerYear);
        var cagr = Cagr(InitialEquity, final, endTime - startTime);

        return new PerformanceReport
        {
            EquityCurve = points.ToArray(),
            Bars = count,
            StartTime = startTime,
            EndTime = endTime,
            PeriodsPerYear = periodsPerYear,
            InitialEquity = InitialEquity,
            FinalEquity = final,
            NetProfit = final - InitialEquity,
            TotalReturn = ReturnStatistics.SimpleReturn(InitialEquity, final),
            Cagr = cagr,
            AnnualizedVolatility = returns.SampleStdDev * annualiser,
            Sharpe = Ratio(returns.Mean, returns.SampleStdDev) * annualiser,
            Sortino = Ratio(returns.Mean, returns.DownsideDeviation) * annualiser,
            Calmar = drawdowns.MaxDrawdown == 0d ? double.NaN : cagr / drawdowns.MaxDrawdown,
            MaxDrawdown = drawdowns.MaxDrawdown,
            MaxDrawdownBars = drawdowns.MaxDurationBars,
            MaxDrawdownDuration = TimeSpan.FromMilliseconds(drawdowns.MaxDurationMs),
            AverageDrawdown = drawdowns.AverageDrawdown,
            DrawdownPeriods = drawdowns.Periods,
            TradeCount = trades.Count,
            WinningTrades = trades.Wins,
            LosingTrades = trades.Losses,
            WinRate = trades.Count == 0 ? double.NaN : trades.Wins / (double)trades.Count,
            GrossProfit = trades.GrossProfit,
            GrossLoss = trades.GrossLoss,
            ProfitFactor = ProfitFactor(trades.GrossProfit, trades.GrossLoss),
            Expectancy = trades.Count == 0 ? 0m : trades.NetPnlSum / trades.Count,
            AverageTradeReturn = trades.Count == 0 ? double.NaN : trades.MeanReturn,
            Sqn = Sqn(trades),
            Exposure = count == 0 ? double.NaN : barsInMarket / (double)count,
            AverageTradeDuration = trades.Count == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(trades.DurationSumMs / (double)trades.Count),
            MaxTradeDuration = TimeSpan.FromMilliseconds(trades.MaxDurationMs),
            BestTrade = trades.Count == 0 ? double.NaN : trades.BestReturn,
            WorstTrade = trades.Count == 0 ? double.NaN : trades.WorstReturn,
            BuyAndHoldReturn = (double)buyAndHoldReturn,
        };
    }

    /// <summary>
    /// numerator / denominator where a zero denominator means "no risk measured": +∞ for a
    /// positive numerator (gains with no downside), NaN otherwise.
    /// </summary>
    private static double Ratio(double numerator, double denominator)
    {
        if (double.IsNaN(numerator) || double.IsNaN(denominator))
        {
            return double.NaN;
        }

        if (denominator == 0d)
        {
            return numerator > 0d ? double.PositiveInfinity : double.NaN;
        }

        return numerator / denominator;
    }

    private static double Cagr(decimal initial, decimal final, long spanMs)
    {
        if (spanMs <= 0)
        {
            return double.NaN;
        }

        if (final <= 0m)
        {
            return -1d;
        }

        var years = spanMs / (double)MillisecondsPerYear;
        return Math.Pow((double)(final / initial), 1d / years) - 1d;
    }

    private static double ProfitFactor(decimal grossProfit, decimal grossLoss)
    {
        if (grossLoss == 0m)
        {
            return grossProfit > 0m ? double.PositiveInfinity : double.NaN;
        }

        return (double)(grossProfit / grossLoss);
    }

    private static double Sqn(in TradeStatistics stats)
    {
        if (stats.Count < 2)
        {
            return double.NaN;
        }

        var std = Math.Sqrt(stats.ReturnSquaredDeviations / (stats.Count - 1));
        return std == 0d ? double.NaN : Math.Sqrt(stats.Count) * stats.MeanReturn / std;
    }
}
