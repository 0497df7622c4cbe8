using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Orders;

/// <summary>An exchange that only records what it is sent; tests play the venue by calling the manager's events.</summary>
internal sealed class RecordingExchange : IExchange
{
    public PluginMetadata Metadata { get; } = new()
    {
        Id = "recording-exchange",
        Version = "1.0.0",
        Kind = PluginKind.Exchange,
        SdkVersionRange = "[0.1.0, 1.0.0)",
    };

    public List<OrderSnapshot> Submitted { get; } = [];

    public List<ClientOrderId> CancelRequests { get; } = [];

    public void Connect(IPluginContext context, IExchangeEvents events)
    {
    }

    public void Submit(in OrderSnapshot order) => Submitted.Add(order);

    public void Cancel(ClientOrderId id) => CancelRequests.Add(id);
}
