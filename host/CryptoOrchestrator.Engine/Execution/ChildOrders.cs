using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Execution;

/// <summary>Child orders of the built-in algorithms: they inherit the parent's instrument, side, priority and reduce-only flag.</summary>
internal static class ChildOrders
{
    public static OrderRequest Market(in OrderRequest parent, Quantity quantity) =>
        OrderRequest.Market(parent.Instrument, parent.Side, quantity) with
        {
            Priority = parent.Priority,
            ReduceOnly = parent.ReduceOnly,
        };
}
