namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

public sealed class DuplicateIdV2Strategy : TestStrategy
{
    public override Sdk.Plugins.PluginMetadata Metadata { get; } = Declare("test-duplicate-id", version: "1.10.0");
}
