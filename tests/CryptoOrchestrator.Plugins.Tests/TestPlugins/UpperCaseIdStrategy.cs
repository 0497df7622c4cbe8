namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

public sealed class UpperCaseIdStrategy : TestStrategy
{
    public override Sdk.Plugins.PluginMetadata Metadata { get; } = Declare("Test_Upper");
}
