namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

public sealed class DuplicateIdV1Strategy : TestStrategy
{
    public override Sdk.Plugins.PluginMetadata Metadata { get; } = Declare("test-duplicate-id", version: "1.9.0");
}
