using System.Runtime.CompilerServices;
using CryptoOrchestrator.Messaging.Fanout;
using CryptoOrchestrator.Messaging.Redis;
using StackExchange.Redis;

namespace CryptoOrchestrator.Messaging;

/// <summary>
/// The event bus shared by every node connected to one Redis: sequences by INCR, retention in a capped
/// sorted set per bot, fan-out by pub/sub, all three in one Lua script per event. Two buses on two
/// connections (two API nodes) both stream every event of a bot, whichever of them published it.
/// </summary>
public sealed class RedisEventBus : IEventBus
{
    /// <summary>The key prefix used when none is given.</summary>
    public const string DefaultKeyPrefix = "co:";

    // Replay reads the log in pages so that a resume from far back never builds one huge reply.
    private const int LogPageSize = 1_000;

    private readonly IDatabase _database;
    private readonly ISubscriber _subscriber;
    private readonly RedisKeyspace _keys;
    private readonly EventBusOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LiveChannel> _channels = new(StringComparer.Ordinal);
    private volatile bool _disposed;

    /// <summary>Creates a bus on a connection the caller owns (and disposes after the bus).</summary>
    /// <param name="connection">The connection; its pub/sub link carries the live events.</param>
    /// <param name="keyPrefix">Put before every key and channel, so several deployments (or tests) share one server.</param>
    /// <param name="options">Retention and subscriber buffer (defaults when null).</param>
    public RedisEventBus(IConnectionMultiplexer connection, string keyPrefix = DefaultKeyPrefix, EventBusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _database = connection.GetDatabase();
        _subscriber = connection.GetSubscriber();
        _keys = new RedisKeyspace(keyPrefix);
        _options = (options ?? new EventBusOptions()).Validated();
    }

    /// <inheritdoc />
    /// <remarks>Cancellation is observed before the event is sent; once sent it is published.</remarks>
    public async ValueTask<BotEvent> PublishAsync(string botId, string type, long timeMs, string payloadJson, CancellationToken cancellation = default)
    {
        EventArguments.CheckPublish(botId, type, payloadJson);
        ThrowIfDisposed();
        cancellation.ThrowIfCancellationRequested();
        var sequence = await _database.ScriptEvaluateAsync(
            RedisScripts.Publish,
            [_keys.Sequence(botId), _keys.Log(botId)],
            [EventEntry.EncodeTail(type, timeMs, payloadJson), _options.RetentionPerBot, (string?)_keys.Live(botId)]).ConfigureAwait(false);
        return new BotEvent(botId, (long)sequence, type, timeMs, payloadJson);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<BotEvent> SubscribeAsync(string botId, long afterSequence, CancellationToken cancellation = default)
    {
        EventArguments.CheckSubscribe(botId, afterSequence);
        ThrowIfDisposed();
        return Subscribe(botId, afterSequence, cancellation);
    }

    /// <summary>Leaves every live channel and ends every subscriber (after what it has buffered).</summary>
    public ValueTask DisposeAsync()
    {
        LiveChannel[] channels;
        lock (_gate)
        {
            _disposed = true;
            channels = [.. _channels.Values];
            _channels.Clear();
        }

        foreach (var channel in channels)
        {
            channel.Subscribers.EndAll();
            Unsubscribe(channel);
        }

        return ValueTask.CompletedTask;
    }

    private async IAsyncEnumerable<BotEvent> Subscribe(string botId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var subscriber = new EventSubscriber(botId, _options.SubscriberCapacity);
        var channel = Join(botId, subscriber);
        try
        {
            // Subscribed first, read the log second: an event is either in the log when it is read or
            // arrives live afterwards (the script logs and publishes in one step); overlaps are skipped.
            await channel.Subscribed.WaitAsync(cancellation).ConfigureAwait(false);
            var delivered = afterSequence;
            await foreach (var botEvent in ReadLog(botId, afterSequence, cancellation).ConfigureAwait(false))
            {
                yield return botEvent;
                delivered = botEvent.Sequence;
            }

            while (await subscriber.Reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                while (subscriber.Reader.TryRead(out var botEvent))
                {
                    if (botEvent.Sequence > delivered + 1)
                    {
                        // A live message went missing (the link dropped and came back): the log has it.
                        await foreach (var missed in ReadLog(botId, delivered, cancellation).ConfigureAwait(false))
                        {
                            yield return missed;
                            delivered = missed.Sequence;
                        }
                    }

                    if (botEvent.Sequence == delivered + 1)
                    {
                        yield return botEvent;
                        delivered = botEvent.Sequence;
                    }
                }
            }

            subscriber.ThrowIfOverflowed(delivered);
        }
        finally
        {
            Leave(channel, subscriber);
        }
    }

    /// <summary>Every logged event after the sequence, in pages; refuses a start the log no longer covers.</summary>
    private async IAsyncEnumerable<BotEvent> ReadLog(string botId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellation)
    {
        RedisKey[] keys = [_keys.Sequence(botId), _keys.Log(botId)];
        var logName = keys[1].ToString();
        var next = afterSequence + 1;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var reply = (RedisResult[])(await _database.ScriptEvaluateAsync(
                RedisScripts.ReadLog, keys, [next - 1, LogPageSize]).ConfigureAwait(false))!;
            var latest = (long)reply[0];
            var page = (RedisValue[])reply[1]!;
            if (next - 1 > latest)
            {
                throw EventArguments.BeyondLatest(botId, next - 1, latest);
            }

            if (page.Length == 0)
            {
                // The latest event is always retained, so an empty page past an existing event means the
                // log was emptied under us (evicted or deleted).
                if (latest >= next)
                {
                    throw new EventsExpiredException(botId, next - 1, latest + 1);
                }

                yield break;
            }

            var events = Array.ConvertAll(page, entry => EventEntry.Decode(botId, entry, logName));
            if (events[0].Sequence != next)
            {
                throw new EventsExpiredException(botId, next - 1, events[0].Sequence);
            }

            foreach (var botEvent in events)
            {
                yield return botEvent;
            }

            next = events[^1].Sequence + 1;
            if (page.Length < LogPageSize)
            {
                yield break;
            }
        }
    }

    private LiveChannel Join(string botId, EventSubscriber subscriber)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_channels.TryGetValue(botId, out var channel) || channel.IsBroken)
            {
                channel = new LiveChannel(botId, _keys.Live(botId), _subscriber);
                _channels[botId] = channel;
            }

            channel.Members++;
            channel.Subscribers.Add(subscriber);
            return channel;
        }
    }

    private void Leave(LiveChannel channel, EventSubscriber subscriber)
    {
        lock (_gate)
        {
            channel.Subscribers.Remove(subscriber);
            if (--channel.Members > 0)
            {
                return;
            }

            if (_channels.TryGetValue(channel.BotId, out var current) && ReferenceEquals(current, channel))
            {
                _channels.Remove(channel.BotId);
            }
        }

        Unsubscribe(channel);
    }

    // Nobody on this node streams the bot any more. Needs no reply, so a lost connection cannot make
    // leaving (or disposing) fail; the server forgets the subscription with the connection anyway.
    private void Unsubscribe(LiveChannel channel) =>
        _subscriber.Unsubscribe(channel.Channel, channel.Handler, CommandFlags.FireAndForget);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
