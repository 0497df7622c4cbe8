using System.Threading.Channels;

namespace CryptoOrchestrator.Messaging.Fanout;

/// <summary>
/// One subscriber's bounded buffer of live events. Offering never waits: a subscriber whose buffer is full
/// is ended (and remembers why), so a slow reader cannot hold up a publisher or the other subscribers.
/// </summary>
internal sealed class EventSubscriber
{
    private readonly Channel<BotEvent> _buffer;
    private volatile bool _overflowed;

    public EventSubscriber(string botId, int capacity)
    {
        BotId = botId;
        Capacity = capacity;
        _buffer = Channel.CreateBounded<BotEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
            // Offers happen under a publisher's lock: the reader's continuation must not run there.
            AllowSynchronousContinuations = false,
        });
    }

    public string BotId { get; }

    public int Capacity { get; }

    public ChannelReader<BotEvent> Reader => _buffer.Reader;

    /// <summary>Buffers the event; false (and the subscriber ended) when the buffer was full.</summary>
    public bool Offer(BotEvent botEvent)
    {
        if (_buffer.Writer.TryWrite(botEvent))
        {
            return true;
        }

        _overflowed = true;
        _buffer.Writer.TryComplete();
        return false;
    }

    /// <summary>Ends the stream normally: what is buffered is still delivered, then it completes.</summary>
    public void End() => _buffer.Writer.TryComplete();

    /// <summary>Called once the buffer is drained: a stream that ended because it overflowed throws.</summary>
    public void ThrowIfOverflowed(long lastDeliveredSequence)
    {
        if (_overflowed)
        {
            throw new SubscriberOverflowException(BotId, lastDeliveredSequence, Capacity);
        }
    }
}
