using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Orders;

/// <summary>The mutable record of one open order, kept in a pooled slot so order traffic allocates nothing.</summary>
internal struct OrderEntry
{
    /// <summary>The normalised request, carrying the order's id.</summary>
    public OrderRequest Request;

    public OrderStatus Status;
    public Quantity FilledQuantity;
    public decimal FilledNotional;
    public long Time;
    public string? Reason;
    public int Owner;

    /// <summary>Arrival number: breaks priority ties first-in first-out and tells a live queue slot from a stale one.</summary>
    public long Sequence;

    /// <summary>True while the order waits in the manager's queue, not yet sent to the exchange.</summary>
    public bool Queued;

    public readonly ClientOrderId Id => Request.ClientOrderId;

    public readonly Quantity RemainingQuantity => Request.Quantity - FilledQuantity;

    public readonly OrderSnapshot ToSnapshot() =>
        new(Request.ClientOrderId, Request, Status, FilledQuantity, FilledNotional, Time, Reason);
}
