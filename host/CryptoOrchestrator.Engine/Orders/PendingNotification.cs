using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Orders;

/// <summary>A fill or an order update waiting to reach the listener.</summary>
internal readonly struct PendingNotification
{
    private PendingNotification(bool isFill, in Fill fill, in OrderSnapshot order, int owner)
    {
        IsFill = isFill;
        Fill = fill;
        Order = order;
        Owner = owner;
    }

    // Fields, not properties: the notifier passes them on by reference, and a property would copy.
    public readonly bool IsFill;
    public readonly Fill Fill;
    public readonly OrderSnapshot Order;
    public readonly int Owner;

    public static PendingNotification ForFill(in Fill fill, int owner) => new(true, fill, default, owner);

    public static PendingNotification ForOrder(in OrderSnapshot order, int owner) => new(false, default, order, owner);
}
