using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>Turns a target exposure into a target position (fixed quantity, fixed fraction, volatility target, Kelly…).</summary>
public interface IPositionSizer : IPlugin
{
    /// <summary>Called once before use.</summary>
    void Initialize(IPluginContext context);

    /// <summary>
    /// The signed position to hold, already rounded down to the instrument's lot size.
    /// The pipeline orders the difference from the current position.
    /// </summary>
    Quantity TargetPosition(in SizingRequest request);
}
