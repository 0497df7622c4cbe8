using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Execution;

/// <summary>Holds one whole unit in the direction of any non-zero exposure, so a weaker signal of the same side keeps the same target.</summary>
internal sealed class AllInSizer : IPositionSizer
{
    public PluginMetadata Metadata { get; } = new()
    {
        Id = "all-in",
        Version = "1.0.0",
        Kind = PluginKind.PositionSizer,
        SdkVersionRange = "[0.1.0, 1.0.0)",
    };

    public void Initialize(IPluginContext context)
    {
        // Nothing to configure.
    }

    public Quantity TargetPosition(in SizingRequest request) => Quantity.FromWhole(Math.Sign(request.TargetExposure));
}
