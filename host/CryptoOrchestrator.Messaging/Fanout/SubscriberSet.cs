namespace CryptoOrchestrator.Messaging.Fanout;

/// <summary>
/// The subscribers of one bot on this node. Delivery reads an immutable array (copy on write), so fanning
/// out an event takes no lock and allocates nothing; joining and leaving are rare and take the lock.
/// </summary>
internal sealed class SubscriberSet
{
    private readonly Lock _gate = new();
    private EventSubscriber[] _subscribers = [];

    public bool IsEmpty => Volatile.Read(ref _subscribers).Length == 0;

    public void Add(EventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }
    }

    /// <summary>Removes the subscriber; true when none is left.</summary>
    public bool Remove(EventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = Array.FindAll(_subscribers, s => !ReferenceEquals(s, subscriber));
            return _subscribers.Length == 0;
        }
    }

    /// <summary>Offers the event to every subscriber; those that overflow are dropped from the set.</summary>
    public void Deliver(BotEvent botEvent)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            if (!subscriber.Offer(botEvent))
            {
                Remove(subscriber);
            }
        }
    }

    public void EndAll()
    {
        EventSubscriber[] ending;
        lock (_gate)
        {
            ending = _subscribers;
            _subscribers = [];
        }

        foreach (var subscriber in ending)
        {
            subscriber.End();
        }
    }
}
