using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

/// <summary>Records what the exchange reports, in order.</summary>
internal sealed class RecordingExchangeEvents : IExchangeEvents
{
    public List<Fill> Fills { get; } = [];

    public List<(ClientOrderId Id, OrderStatus Status, string? Reason)> Statuses { get; } = [];

    /// <summary>Every event as text, e.g. "co-1 Accepted" or "co-1 fill 0.5@100".</summary>
    public List<string> Log { get; } = [];

    /// <summary>Runs after a fill is recorded, as a receiver reacting to it would.</summary>
    public Action<Fill>? AfterFill { get; set; }

    public void OnOrderStatus(ClientOrderId id, OrderStatus status, string? reason)
    {
        Statuses.Add((id, status, reason));
        Log.Add($"{id} {status}");
    }

    public void OnFill(in Fill fill)
    {
        Fills.Add(fill);
        Log.Add($"{fill.OrderId} fill {fill.Quantity}@{fill.Price}");
        AfterFill?.Invoke(fill);
    }

    public OrderStatus LastStatusOf(ClientOrderId id) => Statuses.FindLast(s => s.Id == id).Status;
}
