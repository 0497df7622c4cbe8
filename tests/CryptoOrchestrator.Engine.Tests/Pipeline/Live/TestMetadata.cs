using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

/// <summary>Metadata, parameters and registrations for the plugins tests write inline.</summary>
internal static class TestMetadata
{
    public static PluginMetadata For(string id, PluginKind kind = PluginKind.Strategy) => new()
    {
        Id = id,
        Version = "1.0.0",
        Kind = kind,
        SdkVersionRange = "[0.1.0, 1.0.0)",
    };

    public static ParameterSet Parameters(IPlugin plugin) => ParameterSet.Defaults(plugin.Metadata);

    public static StrategyRegistration Registration(IStrategy strategy) => new(strategy, Parameters(strategy));
}
