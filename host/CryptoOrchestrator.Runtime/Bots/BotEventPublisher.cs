using System.Threading.Channels;
using CryptoOrchestrator.Messaging;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// One bot's events on their way to the <see cref="IEventBus"/>: a bounded buffer the bot's thread writes
/// into without waiting, and a task that describes each event as JSON and publishes it, in order. A bus
/// that throws loses that event (logged), never the bot.
/// </summary>
internal sealed class BotEventPublisher
{
    private readonly string _botId;
    private readonly IEventBus _bus;
    private readonly ILogger _log;
    private readonly Channel<PendingBotEvent> _buffer;
    private readonly int _highWater;
    private readonly Task _publishing;
    private long _failed;

    public BotEventPublisher(string botId, IEventBus bus, int capacity, ILogger log)
    {
        _botId = botId;
        _bus = bus;
        _log = log;
        _buffer = Channel.CreateBounded<PendingBotEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _highWater = Math.Max(1, capacity / 2);
        _publishing = Task.Run(PublishAllAsync);
    }

    /// <summary>Where the bot's thread hands its events.</summary>
    public ChannelWriter<PendingBotEvent> Writer => _buffer.Writer;

    /// <summary>Events the bus refused (each was logged).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Queues an event from off the bot's thread (a status change); false once completed or full.</summary>
    public bool Post(in PendingBotEvent item) => _buffer.Writer.TryWrite(item);

    /// <summary>Waits while more than half the buffer is queued: how the feed is held to the bus's pace.</summary>
    public async ValueTask WaitForRoomAsync(CancellationToken cancellation)
    {
        while (_buffer.Reader.Count > _highWater)
        {
            await Task.Delay(1, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>No more events; completes once those queued are published, or after <paramref name="timeout"/>.</summary>
    public async Task CompleteAsync(TimeSpan timeout)
    {
        _buffer.Writer.TryComplete();
        try
        {
            await _publishing.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _log.LogWarning("Bot {BotId}: {Count} events were still waiting for the event bus after {Timeout}", _botId, _buffer.Reader.Count, timeout);
        }
    }

    private async Task PublishAllAsync()
    {
        var reader = _buffer.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var pending))
            {
                foreach (var (type, payload) in BotEventPayloads.Describe(pending))
                {
                    await PublishAsync(type, pending.TimeMs, payload).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task PublishAsync(string type, long timeMs, string payload)
    {
        try
        {
            await _bus.PublishAsync(_botId, type, timeMs, payload).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (Interlocked.Increment(ref _failed) == 1 || _failed % 1_000 == 0)
            {
                _log.LogError(e, "Bot {BotId}: the event bus refused a {Type} event ({Failed} so far)", _botId, type, _failed);
            }
        }
    }
}
