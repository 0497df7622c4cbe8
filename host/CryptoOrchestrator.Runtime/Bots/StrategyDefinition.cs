namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>One strategy of a bot.</summary>
public sealed record StrategyDefinition
{
    /// <summary>The installed strategy plugin's id.</summary>
    public string PluginId { get; init; } = "";

    /// <summary>Its say in fusion relative to the bot's other strategies: a finite number above 0.</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>Parameter values by name, as text; the rest take their defaults.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
