namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// The one definition of which status changes are legal. The engine and exchange adapters both
/// go through it, so an impossible sequence (a fill after a cancel, say) is an error wherever it appears.
/// </summary>
public static class OrderStateMachine
{
    /// <summary>True for statuses no order leaves.</summary>
    public static bool IsFinal(OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired;

    /// <summary>True when an order may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanTransition(OrderStatus from, OrderStatus to) => from switch
    {
        OrderStatus.New => to is OrderStatus.Accepted or OrderStatus.Rejected or OrderStatus.Cancelled,
        OrderStatus.Accepted => to is OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Expired,
        OrderStatus.PartiallyFilled => to is OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Expired,
        _ => false,
    };

    /// <summary>Throws <see cref="InvalidOrderTransitionException"/> unless the move is legal.</summary>
    public static void EnsureTransition(ClientOrderId order, OrderStatus from, OrderStatus to)
    {
        if (!CanTransition(from, to))
        {
            throw new InvalidOrderTransitionException(order, from, to);
        }
    }
}
