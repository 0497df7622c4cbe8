using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

public sealed class NoDefaultConstructorStrategy(int period) : TestStrategy
{
    public int Period { get; } = period;

    public override PluginMetadata Metadata => Declare("test-no-default-constructor");
}
