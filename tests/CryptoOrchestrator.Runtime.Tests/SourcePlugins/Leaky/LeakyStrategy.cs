using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace Leaky;

/// <summary>
/// Subscribes to a process-wide event and never unsubscribes: the runtime then holds a delegate into
/// this plugin's code, so its context can never be collected. The host must say so.
/// </summary>
public sealed class LeakyStrategy : IStrategy
{
    public PluginMetadata Metadata { get; } = new()
    {
        Id = "leaky",
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.2.0, 1.0.0)",
    };

    public void Initialize(IStrategyContext context) => AppDomain.CurrentDomain.ProcessExit += OnExit;

    public void OnBar(Instrument instrument, in Bar bar)
    {
    }

    private void OnExit(object? sender, EventArgs e)
    {
    }
}
