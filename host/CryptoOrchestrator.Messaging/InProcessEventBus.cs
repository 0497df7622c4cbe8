using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CryptoOrchestrator.Messaging.Fanout;
using CryptoOrchestrator.Messaging.InProcess;

namespace CryptoOrchestrator.Messaging;

/// <summary>The event bus of a single node: no server, events retained in memory per bot.</summary>
public sealed class InProcessEventBus : IEventBus
{
    private readonly ConcurrentDictionary<string, BotEventStream> _streams = new(StringComparer.Ordinal);
    private readonly EventBusOptions _options;
    private volatile bool _disposed;

    /// <summary>Creates a bus with the given retention and subscriber buffer (defaults when null).</summary>
    public InProcessEventBus(EventBusOptions? options = null) => _options = (options ?? new EventBusOptions()).Validated();

    /// <inheritdoc />
    public ValueTask<BotEvent> PublishAsync(string botId, string type, long timeMs, string payloadJson, CancellationToken cancellation = default)
    {
        EventArguments.CheckPublish(botId, type, payloadJson);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellation.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Stream(botId).Append(type, timeMs, payloadJson));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<BotEvent> SubscribeAsync(string botId, long afterSequence, CancellationToken cancellation = default)
    {
        EventArguments.CheckSubscribe(botId, afterSequence);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Subscribe(botId, afterSequence, cancellation);
    }

    /// <summary>Ends every subscriber (after what it has buffered) and refuses further use.</summary>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var stream in _streams.Values)
        {
            stream.EndSubscribers();
        }

        return ValueTask.CompletedTask;
    }

    private async IAsyncEnumerable<BotEvent> Subscribe(string botId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var stream = Stream(botId);
        var subscriber = new EventSubscriber(botId, _options.SubscriberCapacity);
        var replay = stream.Join(subscriber, afterSequence);
        if (_disposed)
        {
            // Joined after DisposeAsync ended the others: end this one the same way.
            subscriber.End();
        }

        try
        {
            var delivered = afterSequence;
            foreach (var botEvent in replay)
            {
                cancellation.ThrowIfCancellationRequested();
                yield return botEvent;
                delivered = botEvent.Sequence;
            }

            while (await subscriber.Reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                while (subscriber.Reader.TryRead(out var botEvent))
                {
                    yield return botEvent;
                    delivered = botEvent.Sequence;
                }
            }

            subscriber.ThrowIfOverflowed(delivered);
        }
        finally
        {
            stream.Leave(subscriber);
        }
    }

    private BotEventStream Stream(string botId) =>
        _streams.GetOrAdd(botId, static (id, options) => new BotEventStream(id, options), _options);
}
