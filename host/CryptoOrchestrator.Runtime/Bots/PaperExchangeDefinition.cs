namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>How the paper exchange fills a bot's orders: the backtester's fee, slippage and fill-timing models.</summary>
public sealed record PaperExchangeDefinition
{
    /// <summary>Taker fee as a fraction of the notional (0.001 = 0.1 %).</summary>
    public decimal Commission { get; init; } = 0.001m;

    /// <summary>Maker fee as a fraction of the notional (negative for a rebate); the taker fee when null.</summary>
    public decimal? MakerCommission { get; init; }

    /// <summary>A fixed fee per order in the quote asset.</summary>
    public decimal FixedFee { get; init; }

    /// <summary>The slippage model, in the backtest CLI's syntax (<see cref="SlippageSpec.Help"/>).</summary>
    public string Slippage { get; init; } = "none";

    /// <summary>When market orders fill: <c>next-open</c> (the next bar's open) or <c>close</c> (the signal bar's close).</summary>
    public string Fill { get; init; } = "next-open";
}
