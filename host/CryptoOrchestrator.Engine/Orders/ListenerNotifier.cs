using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Orders;

/// <summary>
/// Delivers notifications to the listener strictly in the order the order manager produced them.
/// A listener may act on a notification (cancel, submit), and the exchange may answer at once,
/// re-entering the manager; those answers are queued behind the notification being delivered
/// instead of overtaking it, so a listener never sees "cancelled" before the fill that preceded it.
/// Allocation-free once the ring has grown to the longest burst.
/// </summary>
/// <remarks>
/// A notification carries a whole fill and order snapshot, so it is handed to the listener by
/// reference from its slot rather than copied out; the slot is freed only after the listener
/// returns, so notifications queued meanwhile can never overwrite it.
/// </remarks>
internal sealed class ListenerNotifier
{
    private readonly IOrderListener _listener;
    private PendingNotification[] _ring = new PendingNotification[16];
    private int _head;
    private int _count;
    private bool _delivering;

    public ListenerNotifier(IOrderListener listener) => _listener = listener;

    public void Order(in OrderSnapshot order, int owner) => Slot() = PendingNotification.ForOrder(order, owner);

    public void Fill(in Fill fill, int owner) => Slot() = PendingNotification.ForFill(fill, owner);

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
            while (_count > 0)
            {
                // A listener that queues more may grow the ring; this reference then still reads the old one.
                ref readonly var next = ref _ring[_head];
                if (next.IsFill)
                {
                    _listener.OnFill(next.Fill, next.Owner);
                }
                else
                {
                    _listener.OnOrderUpdate(next.Order, next.Owner);
                }

                _ring[_head] = default;
                _head = (_head + 1) & (_ring.Length - 1);
                _count--;
            }
        }
        finally
        {
            _delivering = false;

            // Empty after a normal run; after a listener threw, stale notifications must not leak into the next delivery.
            if (_count > 0)
            {
                Array.Clear(_ring);
                _head = 0;
                _count = 0;
            }
        }
    }

    /// <summary>The next free slot at the tail, doubling the ring (a power of two) when it is full.</summary>
    private ref PendingNotification Slot()
    {
        if (_count == _ring.Length)
        {
            var grown = new PendingNotification[_ring.Length * 2];
            for (var i = 0; i < _count; i++)
            {
                grown[i] = _ring[(_head + i) & (_ring.Length - 1)];
            }

            _ring = grown;
            _head = 0;
        }

        return ref _ring[(_head + _count++) & (_ring.Length - 1)];
    }
}
