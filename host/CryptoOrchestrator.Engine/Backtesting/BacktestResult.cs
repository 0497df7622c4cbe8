using CryptoOrchestrator.Engine.Analytics;
using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Backtesting;

/// <summary>What a backtest produced: statistics, the equity curve, closed trades and the final account.</summary>
public sealed record BacktestResult
{
    /// <summary>Performance statistics.</summary>
    public required PerformanceReport Report { get; init; }

    /// <summary>Equity at the end of every time step.</summary>
    public required IReadOnlyList<EquityPoint> EquityCurve { get; init; }

    /// <summary>Round-trip trades, in the order they closed.</summary>
    public required IReadOnlyList<ClosedTrade> Trades { get; init; }

    /// <summary>Positions still open at the end (not counted as trades).</summary>
    public required IReadOnlyList<Position> OpenPositions { get; init; }

    /// <summary>Orders created, including rejected ones.</summary>
    public required int OrderCount { get; init; }

    /// <summary>Fills received.</summary>
    public required int FillCount { get; init; }

    /// <summary>Orders rejected, by reason code.</summary>
    public required IReadOnlyDictionary<string, int> Rejections { get; init; }

    /// <summary>Fees paid in the quote asset.</summary>
    public required decimal TotalFees { get; init; }

    /// <summary>Bars processed.</summary>
    public required long Bars { get; init; }

    /// <summary>Wall time the run took (not part of the deterministic result).</summary>
    public required TimeSpan Elapsed { get; init; }
}
