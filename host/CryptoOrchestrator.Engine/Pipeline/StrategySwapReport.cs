namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>What a completed <see cref="TradingPipeline.SwapStrategy"/> did.</summary>
/// <param name="PluginId">The strategy swapped.</param>
/// <param name="Mode">State handoff or warm replay.</param>
/// <param name="ReplayedBars">Bars re-fed to the replacement (0 for a handoff).</param>
/// <param name="PayloadBytes">Size of the state handed over (0 for a replay).</param>
/// <param name="Elapsed">Wall time the swap took.</param>
public sealed record StrategySwapReport(string PluginId, SwapMode Mode, int ReplayedBars, int PayloadBytes, TimeSpan Elapsed);
