namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>How waiting for an unloaded plugin context to be collected ended.</summary>
/// <param name="ContextName">The context, e.g. <c>Momentum#3</c>.</param>
/// <param name="Collected">Whether the context is gone.</param>
/// <param name="GcRounds">Full collections it took (0 when it was already gone).</param>
/// <param name="Elapsed">Time spent waiting.</param>
public sealed record UnloadOutcome(string ContextName, bool Collected, int GcRounds, TimeSpan Elapsed)
{
    /// <summary>Null when collected; otherwise what was not collected, where it came from, and the likely causes.</summary>
    public string? LeakReport { get; init; }
}
