using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins;

/// <summary>The SDK interface a plugin of each kind must implement.</summary>
internal static class PluginKindInterfaces
{
    public static Type? InterfaceOf(PluginKind kind) => kind switch
    {
        PluginKind.Strategy => typeof(IStrategy),
        PluginKind.Model => typeof(IModel),
        PluginKind.RiskRule => typeof(IRiskRule),
        PluginKind.Exchange => typeof(IExchange),
        PluginKind.ExecutionAlgorithm => typeof(IExecutionAlgorithm),
        PluginKind.PositionSizer => typeof(IPositionSizer),
        PluginKind.SignalFusion => typeof(ISignalFusion),
        _ => null,
    };
}
