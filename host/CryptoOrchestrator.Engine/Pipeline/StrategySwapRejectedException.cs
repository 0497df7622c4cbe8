namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// A replacement strategy threw while it was being swapped in; the running instance was kept and
/// nothing in the pipeline changed. The inner exception is what was thrown: do not keep this
/// exception once the replacement's load context is to be unloaded.
/// </summary>
public sealed class StrategySwapRejectedException : Exception
{
    /// <summary>Wraps what <paramref name="pluginId"/> threw during <paramref name="phase"/> of a swap.</summary>
    public StrategySwapRejectedException(string pluginId, string phase, Exception inner)
        : base($"Swapping in a new instance of strategy '{pluginId}' was rejected: it failed in {phase}: {inner?.Message} The running instance was kept.", inner)
    {
        PluginId = pluginId;
        Phase = phase;
    }

    /// <summary>The strategy whose replacement was rejected.</summary>
    public string PluginId { get; }

    /// <summary>The call that threw (see <see cref="CallbackPhases"/>).</summary>
    public string Phase { get; }
}
