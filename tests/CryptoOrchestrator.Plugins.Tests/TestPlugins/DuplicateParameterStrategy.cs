using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

public sealed class DuplicateParameterStrategy : TestStrategy
{
    public override PluginMetadata Metadata { get; } = Declare("test-duplicate-parameter") with
    {
        Parameters = [ParameterDefinition.Integer("period", 5), ParameterDefinition.Double("period", 5)],
    };
}
