namespace CryptoOrchestrator.Messaging.InProcess;

/// <summary>
/// A bot's latest events, oldest overwritten first once <c>capacity</c> are held. Grows by doubling up to
/// the capacity so that a bot with few events does not pay for the whole retention up front.
/// </summary>
internal sealed class EventRing(int capacity)
{
    private BotEvent[] _items = new BotEvent[Math.Min(capacity, 16)];
    private int _start;
    private int _count;

    public int Count => _count;

    public void Add(BotEvent botEvent)
    {
        if (_count == _items.Length && _items.Length < capacity)
        {
            Grow();
        }

        if (_count < _items.Length)
        {
            _items[(_start + _count) % _items.Length] = botEvent;
            _count++;
        }
        else
        {
            _items[_start] = botEvent;
            _start = (_start + 1) % _items.Length;
        }
    }

    /// <summary>The held events with a sequence greater than <paramref name="sequence"/>, oldest first.</summary>
    public BotEvent[] After(long sequence)
    {
        if (_count == 0)
        {
            return [];
        }

        // Sequences are consecutive, so the wanted event's offset from the oldest is a subtraction.
        var oldest = _items[_start].Sequence;
        var skip = (int)Math.Clamp(sequence - oldest + 1, 0, _count);
        var result = new BotEvent[_count - skip];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _items[(_start + skip + i) % _items.Length];
        }

        return result;
    }

    private void Grow()
    {
        var bigger = new BotEvent[Math.Min(capacity, _items.Length * 2)];
        for (var i = 0; i < _count; i++)
        {
            bigger[i] = _items[(_start + i) % _items.Length];
        }

        _items = bigger;
        _start = 0;
    }
}
