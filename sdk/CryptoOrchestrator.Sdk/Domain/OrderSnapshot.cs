namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// An order as it stands after its latest change: a value copy, safe to keep, that plugins
/// receive in update callbacks. Only the order manager changes orders.
/// </summary>
/// <param name="Id">The order's client id.</param>
/// <param name="Request">What was asked for.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="FilledQuantity">How much has filled so far.</param>
/// <param name="FilledNotional">Σ fill price × fill quantity, in quote-asset units.</param>
/// <param name="Time">Unix epoch milliseconds of the latest change.</param>
/// <param name="Reason">Reason code for a rejection, cancellation or expiry; null otherwise.</param>
public readonly record struct OrderSnapshot(
    ClientOrderId Id,
    OrderRequest Request,
    OrderStatus Status,
    Quantity FilledQuantity,
    decimal FilledNotional,
    long Time,
    string? Reason)
{
    /// <summary>Quantity still to fill.</summary>
    public Quantity RemainingQuantity => Request.Quantity - FilledQuantity;

    /// <summary>Volume-weighted fill price, or 0 before the first fill.</summary>
    public decimal AverageFillPrice => FilledQuantity.IsZero ? 0m : FilledNotional / FilledQuantity.ToDecimal();

    /// <summary>True once the order can no longer change.</summary>
    public bool IsFinal => OrderStateMachine.IsFinal(Status);
}
