using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

public sealed class ThrowingConstructorStrategy : TestStrategy
{
    public ThrowingConstructorStrategy() => throw new InvalidOperationException("constructor refuses");

    public override PluginMetadata Metadata => Declare("test-throwing-constructor");
}
