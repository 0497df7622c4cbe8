using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Orders;

/// <summary>
/// Delivers notifications to the listener strictly in the order the order manager produced them.
/// A listener may act on a notification (cancel, submit), and the exchange may answer at once,
/// re-entering the manager; those answers are queued behind the notification being delivered
/// instead of overtaking it, so a listener never sees "cancelled" before the fill that preceded it.
/// Allocation-free once the queue has grown to the longest burst.
/// </summary>
internal sealed class ListenerNotifier
{
    private readonly IOrderListener _listener;
    private readonly Queue<PendingNotification> _pending = new(16);
    private bool _delivering;

    public ListenerNotifier(IOrderListener listener) => _listener = listener;

    public void Order(in OrderSnapshot order, int owner) => _pending.Enqueue(PendingNotification.ForOrder(order, owner));

    public void Fill(in Fill fill, int owner) => _pending.Enqueue(PendingNotification.ForFill(fill, owner));

    /// <summary>Delivers everything queued, unless a delivery further up the stack will.</summary>
    public void Deliver()
    {
        if (_delivering)
        {
            return;
        }

        _delivering = true;
        try
        {
            while (_pending.TryDequeue(out var next))
            {
                if (next.IsFill)
                {
                    _listener.OnFill(next.Fill, next.Owner);
                }
                else
                {
                    _listener.OnOrderUpdate(next.Order, next.Owner);
                }
            }
        }
        finally
        {
            _delivering = false;

            // Empty after a normal run; after a listener threw, stale notifications must not leak into the next delivery.
            _pending.Clear();
        }
    }
}
