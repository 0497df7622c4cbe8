using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

/// <summary>Implements IStrategy but declares itself a risk rule.</summary>
public sealed class KindMismatchStrategy : TestStrategy
{
    public override PluginMetadata Metadata { get; } = Declare("test-kind-mismatch", kind: PluginKind.RiskRule);
}
