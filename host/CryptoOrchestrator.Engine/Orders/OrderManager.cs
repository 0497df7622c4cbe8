using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Orders;

/// <summary>
/// Owns every order's life: normalises and checks requests, queues them by priority until
/// <see cref="Flush"/>, sends them to the exchange and applies the exchange's answers through
/// <see cref="OrderStateMachine"/>, reporting each change to the <see cref="IOrderListener"/>.
/// </summary>
/// <remarks>
/// Hot path: allocation-free in steady state (pooled entries, pre-sized open-order map, queue
/// and notification buffers; reason codes are literals). The exchange may answer synchronously
/// from inside <see cref="IExchange.Submit"/> or <see cref="IExchange.Cancel"/>; the manager
/// settles its own state before every outward call, so such re-entry is safe. Not thread-safe:
/// a live adapter's callbacks must be marshalled onto the pipeline's thread. The manager does not
/// connect itself: whoever composes the pipeline passes it to <see cref="IExchange.Connect"/>.
/// </remarks>
public sealed class OrderManager : IExchangeEvents
{
    private const int DefaultExpectedOpenOrders = 256;

    private readonly IExchange _exchange;
    private readonly IClock? _clock;
    private readonly ListenerNotifier _notifier;
    private readonly OrderEntryPool _entries;
    private readonly Dictionary<long, int> _openSlotsById;
    private readonly PriorityQueue<int, QueuedOrderKey> _queue;
    private long _lastAssignedId;
    private long _lastSequence;
    private long _latestTime;
    private bool _flushing;

    /// <summary>Creates a manager for up to 256 simultaneously open orders before its tables grow.</summary>
    public OrderManager(IExchange exchange, IOrderListener listener)
        : this(exchange, listener, null, DefaultExpectedOpenOrders)
    {
    }

    /// <summary>
    /// Creates a manager whose tables hold <paramref name="expectedOpenOrders"/> open orders without
    /// growing. Status changes the exchange reports carry <paramref name="clock"/>'s time; without a
    /// clock, the latest time the manager was given (by a call or a fill).
    /// </summary>
    public OrderManager(IExchange exchange, IOrderListener listener, IClock? clock, int expectedOpenOrders)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedOpenOrders, 1);
        _exchange = exchange;
        _clock = clock;
        _notifier = new ListenerNotifier(listener);
        _entries = new OrderEntryPool(expectedOpenOrders);
        _openSlotsById = new Dictionary<long, int>(expectedOpenOrders);
        _queue = new PriorityQueue<int, QueuedOrderKey>(expectedOpenOrders);
    }

    /// <summary>Orders not yet final: queued, sent, accepted or partially filled.</summary>
    public int OpenOrderCount => _openSlotsById.Count;

    /// <summary>Orders waiting for the next <see cref="Flush"/>, including any cancelled while they waited.</summary>
    public int QueuedCount => _queue.Count;

    /// <summary>
    /// Told before every order goes to the exchange, so it can make what led to it durable first; null (the
    /// default) costs nothing. Set it before the first order.
    /// </summary>
    public IStepJournal? Journal { get; set; }

    /// <summary>The last client order id the manager assigned (or continued after).</summary>
    public long LastAssignedId => _lastAssignedId;

    /// <summary>
    /// Assigns ids after <paramref name="lastUsedId"/> from now on: a run that continues a journal never reuses one
    /// of its ids. Ids only move forward; a smaller value leaves them as they are.
    /// </summary>
    public void ContinueIdsAfter(long lastUsedId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastUsedId);
        _lastAssignedId = Math.Max(_lastAssignedId, lastUsedId);
    }

    private long CurrentTime => _clock?.NowMs ?? _latestTime;

    /// <summary>
    /// Creates an order from <paramref name="request"/> and queues it (status New) until <see cref="Flush"/>.
    /// Quantity is rounded down to the lot; a limit price to the tick in the owner's favour (buy down,
    /// sell up); a stop price to the nearest tick. A request that is malformed, below one lot or below
    /// the minimum notional (at the limit price, or at <paramref name="referencePrice"/> for market and
    /// stop orders) still becomes an order, which goes New then Rejected with an
    /// <see cref="OrderRejectReasons"/> code. An open order of the same owner with the same client id is
    /// returned unchanged; an id of <see cref="ClientOrderId.None"/> gets the next free one.
    /// </summary>
    public OrderSnapshot Submit(in OrderRequest request, int owner, long now, Price referencePrice)
    {
        _latestTime = now;
        var requestedId = request.ClientOrderId;
        if (!requestedId.IsNone && _openSlotsById.TryGetValue(requestedId.Value, out var existingSlot))
        {
            ref var existing = ref _entries[existingSlot];
            if (existing.Owner == owner)
            {
                return existing.ToSnapshot();
            }

            return RejectNew(request, owner, now, OrderRejectReasons.DuplicateClientOrderId);
        }

        if (requestedId.Value < 0)
        {
            return RejectNew(request, owner, now, OrderRejectReasons.InvalidClientOrderId);
        }

        var rejection = OrderNormalizer.Normalize(request, referencePrice, out var normalized);
        if (rejection is not null)
        {
            return RejectNew(request, owner, now, rejection);
        }

        var id = requestedId.IsNone ? NextFreeId() : requestedId;
        var slot = _entries.Rent();
        ref var entry = ref _entries[slot];
        entry = new OrderEntry
        {
            Request = normalized with { ClientOrderId = id },
            Status = OrderStatus.New,
            Time = now,
            Owner = owner,
            Sequence = ++_lastSequence,
            Queued = true,
        };
        _openSlotsById.Add(id.Value, slot);
        _queue.Enqueue(slot, new QueuedOrderKey(entry.Request.Priority, entry.Sequence));
        var created = entry.ToSnapshot();
        _notifier.Order(created, owner);
        _notifier.Deliver();
        return created;
    }

    /// <summary>
    /// Records a request a risk rule refused: it becomes an order that goes New then Rejected with
    /// <paramref name="reasonCode"/>, so its owner hears of it like any other order, and never reaches the exchange.
    /// </summary>
    public OrderSnapshot Reject(in OrderRequest request, int owner, long now, string reasonCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reasonCode);
        _latestTime = now;
        return RejectNew(request, owner, now, reasonCode);
    }

    /// <summary>
    /// Sends every queued order to the exchange: higher <see cref="OrderRequest.Priority"/> first,
    /// first in first out within a priority. Orders queued while the flush runs (by a listener reacting
    /// to a synchronous fill) go out in the same flush; a nested call returns at once.
    /// </summary>
    public void Flush(long now)
    {
        _latestTime = now;

        // Most bars have nothing queued: no need to set up the guarded loop.
        if (_flushing || _queue.Count == 0)
        {
            return;
        }

        _flushing = true;
        try
        {
            while (_queue.TryDequeue(out var slot, out var key))
            {
                ref var entry = ref _entries[slot];
                if (!entry.Queued || entry.Sequence != key.Sequence)
                {
                    // Cancelled while queued; the slot may already serve a newer order.
                    continue;
                }

                entry.Queued = false;
                var sent = entry.ToSnapshot();

                // Journaled before it leaves: an order the exchange has is never one the journal lacks.
                Journal?.BeforeSend(now);

                // The exchange may fill or reject the order before Submit returns: nothing below may touch the entry.
                _exchange.Submit(sent);
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    /// <summary>
    /// Cancels an open order: a queued one becomes Cancelled at once; a sent one is cancelled at the
    /// exchange, which reports the outcome. False when no such order is open.
    /// </summary>
    public bool Cancel(ClientOrderId id, long now)
    {
        _latestTime = now;
        if (!_openSlotsById.TryGetValue(id.Value, out var slot))
        {
            return false;
        }

        if (_entries[slot].Queued)
        {
            ApplyStatus(slot, OrderStatus.Cancelled, OrderRejectReasons.CancelRequested, now);
            return true;
        }

        _exchange.Cancel(id);
        return true;
    }

    /// <summary>The open order with <paramref name="id"/>, if there is one.</summary>
    public bool TryGet(ClientOrderId id, out OrderSnapshot order)
    {
        if (_openSlotsById.TryGetValue(id.Value, out var slot))
        {
            order = _entries[slot].ToSnapshot();
            return true;
        }

        order = default;
        return false;
    }

    /// <inheritdoc />
    /// <remarks>Fills arrive through <see cref="OnFill"/>; a PartiallyFilled or Filled status here is refused.</remarks>
    public void OnOrderStatus(ClientOrderId id, OrderStatus status, string? reason)
    {
        var slot = OpenSlot(id, "a status change");
        if (status is OrderStatus.PartiallyFilled or OrderStatus.Filled)
        {
            throw new InvalidOperationException(
                $"Order {id}: the exchange reported status {status}; fill statuses follow from fills reported through OnFill.");
        }

        if (_entries[slot].Queued)
        {
            throw new InvalidOperationException($"Order {id}: the exchange reported status {status} for an order not yet sent to it.");
        }

        ApplyStatus(slot, status, reason, CurrentTime);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The fill must match the order's instrument and side and be positive and no larger than the
    /// remaining quantity; otherwise <see cref="InvalidOperationException"/> names the order.
    /// </remarks>
    public void OnFill(in Fill fill)
    {
        var id = fill.OrderId;
        var slot = OpenSlot(id, "a fill");
        ref var entry = ref _entries[slot];
        if (fill.Quantity.Units <= 0)
        {
            throw new InvalidOperationException($"Order {id}: fill quantity {fill.Quantity} is not positive.");
        }

        if (fill.Quantity > entry.RemainingQuantity)
        {
            throw new InvalidOperationException(
                $"Order {id}: fill of {fill.Quantity} exceeds the remaining quantity {entry.RemainingQuantity} (ordered {entry.Request.Quantity}, filled {entry.FilledQuantity}).");
        }

        if (fill.Side != entry.Request.Side || fill.Instrument != entry.Request.Instrument)
        {
            throw new InvalidOperationException(
                $"Order {id}: fill is a {fill.Side} of {fill.Instrument} but the order is a {entry.Request.Side} of {entry.Request.Instrument}.");
        }

        var filled = entry.FilledQuantity + fill.Quantity;
        var status = filled == entry.Request.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        OrderStateMachine.EnsureTransition(id, entry.Status, status);
        entry.FilledQuantity = filled;
        entry.FilledNotional += fill.Notional;
        entry.Status = status;
        entry.Time = fill.Time;
        _latestTime = fill.Time;
        var updated = entry.ToSnapshot();
        var owner = entry.Owner;
        if (status == OrderStatus.Filled)
        {
            Release(slot);
        }

        _notifier.Fill(fill, owner);
        _notifier.Order(updated, owner);
        _notifier.Deliver();
    }

    private void ApplyStatus(int slot, OrderStatus status, string? reason, long time)
    {
        ref var entry = ref _entries[slot];
        OrderStateMachine.EnsureTransition(entry.Id, entry.Status, status);
        entry.Status = status;
        entry.Reason = reason;
        entry.Time = time;
        var updated = entry.ToSnapshot();
        var owner = entry.Owner;
        if (OrderStateMachine.IsFinal(status))
        {
            // Released before the listener hears of it, so the listener may reuse the id at once.
            Release(slot);
        }

        _notifier.Order(updated, owner);
        _notifier.Deliver();
    }

    private OrderSnapshot RejectNew(in OrderRequest request, int owner, long now, string reason)
    {
        var id = request.ClientOrderId.IsNone ? NextFreeId() : request.ClientOrderId;
        var created = new OrderSnapshot(id, request with { ClientOrderId = id }, OrderStatus.New, Quantity.Zero, 0m, now, null);
        OrderStateMachine.EnsureTransition(id, OrderStatus.New, OrderStatus.Rejected);
        var rejected = created with { Status = OrderStatus.Rejected, Reason = reason };
        _notifier.Order(created, owner);
        _notifier.Order(rejected, owner);
        _notifier.Deliver();
        return rejected;
    }

    private int OpenSlot(ClientOrderId id, string what) =>
        _openSlotsById.TryGetValue(id.Value, out var slot)
            ? slot
            : throw new InvalidOperationException($"Order {id}: the exchange reported {what} for an order that is not open (unknown or already final).");

    private void Release(int slot)
    {
        _openSlotsById.Remove(_entries[slot].Id.Value);
        _entries.Return(slot);
    }

    private ClientOrderId NextFreeId()
    {
        // Skips ids a caller chose for orders still open, so an assigned id never collides with one.
        do
        {
            _lastAssignedId++;
        }
        while (_openSlotsById.ContainsKey(_lastAssignedId));

        return new ClientOrderId(_lastAssignedId);
    }
}
