using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>Combines the latest signals of all strategies on one instrument into one target exposure.</summary>
public interface ISignalFusion : IPlugin
{
    /// <summary>Called once before use.</summary>
    void Initialize(IPluginContext context);

    /// <summary>The target exposure in [-1, 1] for the instrument all <paramref name="signals"/> share.</summary>
    double Fuse(ReadOnlySpan<Signal> signals);
}
