using System.Reflection;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using Newtonsoft.Json;

namespace TestPlugins;

/// <summary>
/// A strategy that says which Newtonsoft.Json it runs with, and proves it works by serializing.
/// Built twice, against two majors; each build's id comes from its project (assembly metadata "PluginId").
/// </summary>
public sealed class JsonVersionStrategy : IStrategy
{
    public PluginMetadata Metadata { get; } = new()
    {
        Id = typeof(JsonVersionStrategy).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PluginId").Value!,
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.2.0, 1.0.0)",
        Description = $"Newtonsoft.Json {typeof(JsonConvert).Assembly.GetName().Version} wrote {JsonConvert.SerializeObject(new[] { 4, 2 })}",
    };

    public void Initialize(IStrategyContext context)
    {
    }

    public void OnBar(Instrument instrument, in Bar bar)
    {
    }
}
