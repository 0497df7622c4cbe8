namespace CryptoOrchestrator.Engine.Analytics;

/// <summary>
/// The performance of one run. Every ratio is a fraction (0.12 = 12%); a metric that is undefined
/// for the run (no trades, a single bar, no variation) is <see cref="double.NaN"/>, never an
/// exception. Formulas and edge cases: docs/analytics.md.
/// </summary>
public sealed record PerformanceReport
{
    /// <summary>Equity at the close of every recorded bar.</summary>
    public required IReadOnlyList<EquityPoint> EquityCurve { get; init; }

    /// <summary>Number of bars recorded.</summary>
    public int Bars { get; init; }

    /// <summary>Time of the first recorded bar, Unix epoch ms; 0 with no bars.</summary>
    public long StartTime { get; init; }

    /// <summary>Time of the last recorded bar, Unix epoch ms; 0 with no bars.</summary>
    public long EndTime { get; init; }

    /// <summary>Bars per year used to annualise (e.g. 525,960 for one-minute bars over 365.25 days).</summary>
    public double PeriodsPerYear { get; init; }

    /// <summary>Equity before the first bar (the initial cash).</summary>
    public decimal InitialEquity { get; init; }

    /// <summary>Equity at the last bar; the initial equity with no bars.</summary>
    public decimal FinalEquity { get; init; }

    /// <summary>FinalEquity − InitialEquity.</summary>
    public decimal NetProfit { get; init; }

    /// <summary>FinalEquity / InitialEquity − 1.</summary>
    public double TotalReturn { get; init; }

    /// <summary>Compound annual growth rate over the calendar span of the curve.</summary>
    public double Cagr { get; init; }

    /// <summary>Sample standard deviation of per-bar returns × √PeriodsPerYear.</summary>
    public double AnnualizedVolatility { get; init; }

    /// <summary>Mean per-bar return / sample standard deviation × √PeriodsPerYear; risk-free rate 0.</summary>
    public double Sharpe { get; init; }

    /// <summary>Mean per-bar return / downside deviation (target 0, over all bars) × √PeriodsPerYear.</summary>
    public double Sortino { get; init; }

    /// <summary>Cagr / MaxDrawdown.</summary>
    public double Calmar { get; init; }

    /// <summary>Deepest fall from a running peak, as a positive fraction of that peak (0.25 = 25% down).</summary>
    public double MaxDrawdown { get; init; }

    /// <summary>Longest drawdown period in bars, from its peak bar to its recovery bar (or the last bar).</summary>
    public int MaxDrawdownBars { get; init; }

    /// <summary>Longest drawdown period in time, from its peak bar to its recovery bar (or the last bar).</summary>
    public TimeSpan MaxDrawdownDuration { get; init; }

    /// <summary>Mean of the deepest points of the distinct drawdown periods (positive fraction); 0 with none.</summary>
    public double AverageDrawdown { get; init; }

    /// <summary>Number of distinct drawdown periods.</summary>
    public int DrawdownPeriods { get; init; }

    /// <summary>Number of closed trades.</summary>
    public int TradeCount { get; init; }

    /// <summary>Trades whose net PnL was positive.</summary>
    public int WinningTrades { get; init; }

    /// <summary>Trades whose net PnL was negative.</summary>
    public int LosingTrades { get; init; }

    /// <summary>WinningTrades / TradeCount.</summary>
    public double WinRate { get; init; }

    /// <summary>Sum of winning trades' net PnL.</summary>
    public decimal GrossProfit { get; init; }

    /// <summary>Sum of losing trades' net PnL, as a positive amount.</summary>
    public decimal GrossLoss { get; init; }

    /// <summary>GrossProfit / GrossLoss; +∞ when there are wins and no losses.</summary>
    public double ProfitFactor { get; init; }

    /// <summary>Mean net PnL per trade, in the quote asset; 0 with no trades.</summary>
    public decimal Expectancy { get; init; }

    /// <summary>Mean trade return (ReturnFraction).</summary>
    public double AverageTradeReturn { get; init; }

    /// <summary>System quality number: √n × mean / sample standard deviation of trade returns (ReturnFraction).</summary>
    public double Sqn { get; init; }

    /// <summary>Fraction of bars with an open position (0.25 = 25% of bars), a fraction like every ratio here.</summary>
    public double Exposure { get; init; }

    /// <summary>Mean time from a trade's opening fill to its closing fill.</summary>
    public TimeSpan AverageTradeDuration { get; init; }

    /// <summary>Longest time from a trade's opening fill to its closing fill.</summary>
    public TimeSpan MaxTradeDuration { get; init; }

    /// <summary>Highest trade ReturnFraction.</summary>
    public double BestTrade { get; init; }

    /// <summary>Lowest trade ReturnFraction.</summary>
    public double WorstTrade { get; init; }

    /// <summary>Return of holding the traded instrument over the run, as given by the caller.</summary>
    public double BuyAndHoldReturn { get; init; }
}
