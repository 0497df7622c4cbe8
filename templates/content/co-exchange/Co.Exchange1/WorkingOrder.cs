using CryptoOrchestrator.Sdk.Domain;

namespace Co.Exchange1;

/// <summary>An order the venue is working, with what has filled so far; forgotten once final.</summary>
internal sealed class WorkingOrder(OrderRequest request)
{
    public OrderRequest Request { get; } = request;

    /// <summary>Changed only by the read loop.</summary>
    public Quantity Filled { get; set; }
}
