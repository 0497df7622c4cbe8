namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

public sealed class FutureSdkStrategy : TestStrategy
{
    public override Sdk.Plugins.PluginMetadata Metadata { get; } = Declare("test-future-sdk", sdkRange: "[9.0.0, )");
}
