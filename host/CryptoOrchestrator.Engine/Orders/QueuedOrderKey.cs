namespace CryptoOrchestrator.Engine.Orders;

/// <summary>Orders the release queue: higher priority first, then first in, first out.</summary>
internal readonly record struct QueuedOrderKey(int Priority, long Sequence) : IComparable<QueuedOrderKey>
{
    public int CompareTo(QueuedOrderKey other)
    {
        // PriorityQueue dequeues the smallest key, so a higher priority must compare as smaller.
        var byPriority = other.Priority.CompareTo(Priority);
        return byPriority != 0 ? byPriority : Sequence.CompareTo(other.Sequence);
    }
}
