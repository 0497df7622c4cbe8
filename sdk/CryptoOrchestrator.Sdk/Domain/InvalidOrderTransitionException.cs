namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>An order was asked to make a status change the state machine forbids.</summary>
public sealed class InvalidOrderTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for one order and the refused move.</summary>
    public InvalidOrderTransitionException(ClientOrderId order, OrderStatus from, OrderStatus to)
        : base($"Order {order} cannot move from {from} to {to}.")
    {
        Order = order;
        From = from;
        To = to;
    }

    /// <summary>The order concerned.</summary>
    public ClientOrderId Order { get; }

    /// <summary>Its status before the refused move.</summary>
    public OrderStatus From { get; }

    /// <summary>The status it was asked to take.</summary>
    public OrderStatus To { get; }
}
