namespace CryptoOrchestrator.Messaging;

/// <summary>
/// Numbers every bot's events, keeps the latest of them, and streams them to any number of subscribers
/// (on this node or, with a shared server, on any node).
/// </summary>
public interface IEventBus : IAsyncDisposable
{
    /// <summary>
    /// Assigns the bot's next sequence (1, 2, 3 … per bot, atomic across nodes), retains the event and
    /// fans it out. Never waits for subscribers.
    /// </summary>
    /// <returns>The event as numbered and stored.</returns>
    ValueTask<BotEvent> PublishAsync(string botId, string type, long timeMs, string payloadJson, CancellationToken cancellation = default);

    /// <summary>
    /// Every retained event of the bot with <see cref="BotEvent.Sequence"/> greater than
    /// <paramref name="afterSequence"/>, in order, then the live ones as they are published: no gap and no
    /// duplicate, even when events are published while the replay runs.
    /// </summary>
    /// <exception cref="EventsExpiredException">Events after <paramref name="afterSequence"/> were already trimmed
    /// from retention, so the caller would miss some.</exception>
    /// <exception cref="SubscriberOverflowException">The subscriber fell too far behind the live stream; it was
    /// ended so that publishers and other subscribers do not wait for it. Subscribe again after
    /// <see cref="SubscriberOverflowException.LastDeliveredSequence"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterSequence"/> is negative, or beyond the
    /// bot's latest sequence (the client knows events this bus never numbered).</exception>
    IAsyncEnumerable<BotEvent> SubscribeAsync(string botId, long afterSequence, CancellationToken cancellation = default);
}
