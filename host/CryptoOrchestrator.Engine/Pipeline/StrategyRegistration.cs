using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>A strategy to run and the parameter values it runs with.</summary>
/// <param name="Strategy">A fresh, uninitialised instance.</param>
/// <param name="Parameters">Its validated parameters.</param>
public sealed record StrategyRegistration(IStrategy Strategy, IParameterSet Parameters);
