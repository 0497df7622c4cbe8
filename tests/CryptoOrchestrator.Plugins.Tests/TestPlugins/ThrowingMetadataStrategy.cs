using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

public sealed class ThrowingMetadataStrategy : TestStrategy
{
    public override PluginMetadata Metadata => throw new InvalidOperationException("metadata refuses");
}
