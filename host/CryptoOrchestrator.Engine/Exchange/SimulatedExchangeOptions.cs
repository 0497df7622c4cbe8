namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>How the simulated exchange fills: when market orders fill, what they cost, how prices slip.</summary>
public sealed record SimulatedExchangeOptions
{
    /// <summary>Next bar's open (default, realistic) or the signal bar's close (optimistic).</summary>
    public FillTiming FillTiming { get; init; } = FillTiming.NextOpen;

    /// <summary>Maker and taker rates and a fixed fee per order; none by default.</summary>
    public CommissionSchedule Commission { get; init; } = CommissionSchedule.None;

    /// <summary>Adverse price adjustment and per-bar volume limit; none by default.</summary>
    public ISlippageModel Slippage { get; init; } = NoSlippage.Instance;
}
