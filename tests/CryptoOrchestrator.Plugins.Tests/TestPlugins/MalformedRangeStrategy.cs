namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

public sealed class MalformedRangeStrategy : TestStrategy
{
    public override Sdk.Plugins.PluginMetadata Metadata { get; } = Declare("test-malformed-range", sdkRange: "[0.1.0");
}
