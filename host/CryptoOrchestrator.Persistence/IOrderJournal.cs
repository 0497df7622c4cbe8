namespace CryptoOrchestrator.Persistence;

/// <summary>
/// The order journal: an order is journaled before it is sent, and every state change is appended to its history
/// and applied to its row in one transaction, only when the SDK's <see cref="Sdk.Domain.OrderStateMachine"/> allows it.
/// </summary>
public interface IOrderJournal
{
    /// <summary>
    /// Journals an order about to be sent; its status must be <see cref="Sdk.Domain.OrderStatus.New"/>. Durable when
    /// it returns; also records transition 1 (New).
    /// </summary>
    /// <exception cref="RecordNotFoundException">The bot does not exist.</exception>
    /// <exception cref="DuplicateRecordException">The bot already journaled this client order id.</exception>
    /// <exception cref="ArgumentException">A field is invalid; the message names it.</exception>
    Task JournalAsync(OrderRecord order, CancellationToken cancellation = default);

    /// <summary>Appends a transition and applies it to the order's row, atomically; returns it as stored, numbered.</summary>
    /// <exception cref="RecordNotFoundException">The order (or its bot) does not exist.</exception>
    /// <exception cref="OrderTransitionRefusedException">The state machine forbids the move, filled quantity would shrink or exceed the order, or the sequence is out of turn; nothing changes.</exception>
    /// <exception cref="DuplicateRecordException">The sequence is already stored with different content.</exception>
    Task<OrderTransition> RecordTransitionAsync(OrderTransition transition, CancellationToken cancellation = default);

    /// <summary>
    /// Stores a fill and the transition it causes in one transaction. Returns false, changing nothing, when this fill
    /// was already stored (a replay).
    /// </summary>
    /// <exception cref="ArgumentException">The fill and the transition are for different orders.</exception>
    /// <exception cref="DuplicateRecordException">The fill was stored before with different content.</exception>
    /// <exception cref="RecordNotFoundException">The order does not exist.</exception>
    /// <exception cref="OrderTransitionRefusedException">The transition is refused; the fill is not stored either.</exception>
    Task<bool> RecordFillAsync(FillRecord fill, OrderTransition transition, CancellationToken cancellation = default);

    /// <summary>The bot's orders that are not final (New, Accepted, PartiallyFilled), by client order id.</summary>
    Task<IReadOnlyList<OrderRecord>> OpenOrdersAsync(string botId, CancellationToken cancellation = default);

    /// <summary>The order, or null when the bot never journaled it.</summary>
    Task<OrderRecord?> GetAsync(string botId, long clientOrderId, CancellationToken cancellation = default);

    /// <summary>The bot's orders with a client order id above <paramref name="afterClientOrderId"/>, ascending, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OrderRecord>> ListAsync(string botId, long afterClientOrderId = 0, int limit = 1000, CancellationToken cancellation = default);

    /// <summary>The order's history, by sequence; empty when the order does not exist.</summary>
    Task<IReadOnlyList<OrderTransition>> TransitionsAsync(string botId, long clientOrderId, CancellationToken cancellation = default);

    /// <summary>The highest client order id the bot journaled, or 0: a restarted bot numbers new orders above it, so none is reused.</summary>
    Task<long> LastClientOrderIdAsync(string botId, CancellationToken cancellation = default);
}
