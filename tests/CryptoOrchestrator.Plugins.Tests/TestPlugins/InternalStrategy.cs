using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

/// <summary>Not public, so not a plugin: discovery must neither load nor report it.</summary>
internal sealed class InternalStrategy : TestStrategy
{
    public override PluginMetadata Metadata => Declare("test-internal");
}
