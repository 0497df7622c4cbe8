using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>A strategy to run and the parameter values it runs with.</summary>
/// <param name="Strategy">A fresh, uninitialised instance.</param>
/// <param name="Parameters">Its validated parameters.</param>
public sealed record StrategyRegistration(IStrategy Strategy, IParameterSet Parameters)
{
    /// <summary>
    /// The strategy's say in fusion relative to the others' (finite, above 0; 1 by default). Its signals'
    /// confidence is scaled by <c>Weight / largest Weight</c> before fusion, so the default fusion's
    /// confidence-weighted mean becomes a (confidence × weight)-weighted one, and confidences stay in [0, 1].
    /// </summary>
    public double Weight { get; init; } = 1.0;
}
