using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

/// <summary>A strategy that does nothing; abstract, so discovery must pass it over.</summary>
public abstract class TestStrategy : IStrategy
{
    public abstract PluginMetadata Metadata { get; }

    public void Initialize(IStrategyContext context)
    {
    }

    public void OnBar(Instrument instrument, in Bar bar)
    {
    }

    /// <summary>Metadata that passes every check unless a test overrides part of it.</summary>
    protected static PluginMetadata Declare(string id, string version = "1.0.0", string sdkRange = "[0.1.0, 1.0.0)", PluginKind kind = PluginKind.Strategy) => new()
    {
        Id = id,
        Version = version,
        Kind = kind,
        SdkVersionRange = sdkRange,
    };
}
