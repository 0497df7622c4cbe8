namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

public sealed class TwoPartVersionStrategy : TestStrategy
{
    public override Sdk.Plugins.PluginMetadata Metadata { get; } = Declare("test-two-part-version", version: "1.0");
}
