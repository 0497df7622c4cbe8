namespace CryptoOrchestrator.Api.Configuration;

/// <summary>The <c>Api:Backtests</c> section.</summary>
public sealed class BacktestSettings
{
    /// <summary>Backtests run at once; later ones wait their turn.</summary>
    public int MaxConcurrent { get; set; } = 1;

    /// <summary>Finished backtests kept for their results; the oldest are forgotten first.</summary>
    public int Retained { get; set; } = 100;
}
