namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>A bot's risk limits.</summary>
public sealed record RiskDefinition
{
    /// <summary>The largest absolute position in any one instrument, in its base asset; none when null.</summary>
    public decimal? MaxPosition { get; init; }
}
