using CryptoOrchestrator.Engine.Accounting;

namespace CryptoOrchestrator.Engine.Analytics;

/// <summary>
/// Records the equity curve bar by bar and folds closed trades into running statistics, then
/// builds a <see cref="PerformanceReport"/>. <see cref="RecordBar"/> and <see cref="OnTradeClosed"/>
/// are hot paths and allocate nothing while the curve stays within the expected bar count.
/// A run without end (a live bot) uses <see cref="Bounded"/>: fixed memory, statistics of every bar.
/// </summary>
public sealed class PerformanceTracker : IClosedTradeListener
{
    /// <summary>A Julian year (365.25 days): crypto markets trade every day of it.</summary>
    public const long MillisecondsPerYear = 31_557_600_000;

    private EquityPoint[] curve;
    private int count;
    private long bars;
    private long barsInMarket;
    private TradeStatistics trades;

    // Bounded only: the statistics of every bar folded in as it comes, and a sample of the curve instead of all of it.
    private readonly EquityCurveSample? sample;
    private ReturnAccumulator returns;
    private DrawdownAccumulator drawdowns;
    private EquityPoint first;
    private EquityPoint last;

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

    private PerformanceTracker(decimal initialCash, EquityCurveSample sample)
        : this(initialCash, 0)
    {
        this.sample = sample;
        returns = new ReturnAccumulator(initialCash);
        drawdowns = new DrawdownAccumulator(initialCash);
    }

    /// <summary>
    /// A tracker for a run without end: memory stays fixed however many bars come, the report's statistics cover every
    /// bar (returns, drawdowns and exposure folded in bar by bar), and the equity curve is an even sample of the whole
    /// run in at most <paramref name="maxCurvePoints"/> points, the latest bar included. Allocation-free per bar.
    /// </summary>
    /// <param name="initialCash">Equity before the first bar; positive.</param>
    /// <param name="maxCurvePoints">Points of the curve kept; even, at least 2.</param>
    public static PerformanceTracker Bounded(decimal initialCash, int maxCurvePoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCash);
        return new PerformanceTracker(initialCash, new EquityCurveSample(maxCurvePoints));
    }

    /// <summary>Whether the curve is sampled (<see cref="Bounded"/>) rather than kept whole.</summary>
    public bool IsBounded => sample is not null;

    /// <summary>Bars recorded so far (more than <see cref="EquityCurve"/> holds when bounded).</summary>
    public long BarCount => bars;

    /// <summary>Equity before the first bar.</summary>
    public decimal InitialEquity { get; }

    /// <summary>The equity recorded so far: one point per bar, or when bounded an even sample ending with the latest bar.</summary>
    public ReadOnlySpan<EquityPoint> EquityCurve => sample is null ? curve.AsSpan(0, count) : sample.Points;

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
        if (bars > 0 && time <= last.Time)
        {
            throw new ArgumentOutOfRangeException(
                nameof(time), time, $"Bar times must increase; the previous bar was at {last.Time}.");
        }

        var point = new EquityPoint(time, equity);
        if (bars == 0)
        {
            first = point;
        }

        last = point;
        bars++;
        if (inMarket)
        {
            barsInMarket++;
        }

        if (sample is not null)
        {
            sample.Add(point);
            returns.Add(equity);
            drawdowns.Add(point);
            return;
        }

        if (count == curve.Length)
        {
            Array.Resize(ref curve, Math.Max(16, curve.Length * 2));
        }

        curve[count++] = point;
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
        var final = bars == 0 ? InitialEquity : last.Equity;
        var startTime = bars == 0 ? 0L : first.Time;
        var endTime = bars == 0 ? 0L : last.Time;
        var returns = sample is null ? ReturnStatistics.Of(points, InitialEquity) : this.returns.Result();
        var drawdowns = sample is null ? DrawdownStatistics.Of(points, InitialEquity) : this.drawdowns.Result();
        var annualiser = Math.Sqrt(periodsPerYear);
        var cagr = Cagr(InitialEquity, final, endTime - startTime);

        return new PerformanceReport
        {
            EquityCurve = points.ToArray(),
            Bars = (int)Math.Min(bars, int.MaxValue),
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
            Exposure = bars == 0 ? double.NaN : barsInMarket / (double)bars,
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
