namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>A strategy a bot runs: its plugin id and the parameter values that differ from its defaults.</summary>
/// <param name="PluginId">The strategy plugin's id.</param>
/// <param name="Parameters">Parameter values by name, as text; the rest take their defaults.</param>
public sealed record BotStrategy(string PluginId, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>A strategy with all parameters at their defaults.</summary>
    public BotStrategy(string pluginId)
        : this(pluginId, new Dictionary<string, string>())
    {
    }

    /// <summary>Its say in fusion relative to the bot's other strategies (see <c>StrategyRegistration.Weight</c>).</summary>
    public double Weight { get; init; } = 1.0;
}
