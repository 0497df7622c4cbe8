using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Fusion;

/// <summary>
/// The default fusion: the confidence-weighted mean of the signals' target exposures
/// (direction × strength), clamped to [-1, 1]. One strategy at full confidence passes through
/// unchanged; two opposite views of equal confidence cancel out to flat.
/// </summary>
public sealed class ConfidenceWeightedFusion : ISignalFusion
{
    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = BuiltInPlugin.Describe(
        "confidence-weighted", PluginKind.SignalFusion, "Confidence-weighted mean of the strategies' target exposures.");

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        // Stateless: nothing to read.
    }

    /// <inheritdoc />
    public double Fuse(ReadOnlySpan<Signal> signals)
    {
        double weighted = 0;
        double weights = 0;
        foreach (ref readonly var signal in signals)
        {
            weighted += signal.TargetExposure * signal.Confidence;
            weights += signal.Confidence;
        }

        return weights == 0 ? 0 : Math.Clamp(weighted / weights, -1, 1);
    }
}
