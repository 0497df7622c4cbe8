using CryptoOrchestrator.Messaging.Fanout;

namespace CryptoOrchestrator.Messaging.InProcess;

/// <summary>
/// One bot's stream on one node. Numbering, retaining and fanning out happen under one lock, and a joining
/// subscriber takes its replay and registers for live events under the same lock: every event is then in
/// exactly one of the two, whatever publishers do meanwhile.
/// </summary>
internal sealed class BotEventStream(string botId, EventBusOptions options)
{
    private readonly Lock _gate = new();
    private readonly EventRing _retained = new(options.RetentionPerBot);
    private readonly SubscriberSet _subscribers = new();
    private long _latest;

    public BotEvent Append(string type, long timeMs, string payloadJson)
    {
        lock (_gate)
        {
            var botEvent = new BotEvent(botId, ++_latest, type, timeMs, payloadJson);
            _retained.Add(botEvent);
            _subscribers.Deliver(botEvent);
            return botEvent;
        }
    }

    /// <summary>Registers the subscriber for live events and returns the retained ones after the sequence.</summary>
    public BotEvent[] Join(EventSubscriber subscriber, long afterSequence)
    {
        lock (_gate)
        {
            if (afterSequence > _latest)
            {
                throw EventArguments.BeyondLatest(botId, afterSequence, _latest);
            }

            var oldestRetained = _latest - _retained.Count + 1;
            if (afterSequence + 1 < oldestRetained)
            {
                throw new EventsExpiredException(botId, afterSequence, oldestRetained);
            }

            var replay = _retained.After(afterSequence);
            _subscribers.Add(subscriber);
            return replay;
        }
    }

    public void Leave(EventSubscriber subscriber) => _subscribers.Remove(subscriber);

    public void EndSubscribers() => _subscribers.EndAll();
}
