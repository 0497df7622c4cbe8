using CryptoOrchestrator.Messaging.Fanout;
using StackExchange.Redis;

namespace CryptoOrchestrator.Messaging.Redis;

/// <summary>
/// This node's one pub/sub subscription to a bot's live channel, shared by all its local subscribers: each
/// message is decoded once and offered to every subscriber's buffer. Members are counted by the bus.
/// </summary>
internal sealed class LiveChannel
{
    private readonly string _botId;
    private readonly string _name;

    public LiveChannel(string botId, RedisChannel channel, ISubscriber redis)
    {
        _botId = botId;
        _name = channel.ToString() ?? botId;
        Channel = channel;
        Handler = OnMessage;
        Subscribed = redis.SubscribeAsync(channel, Handler);
    }

    public string BotId => _botId;

    public RedisChannel Channel { get; }

    public Action<RedisChannel, RedisValue> Handler { get; }

    /// <summary>Completes when the server has confirmed the subscription: later messages reach the handler.</summary>
    public Task Subscribed { get; }

    public SubscriberSet Subscribers { get; } = new();

    /// <summary>Local subscribers using this channel; guarded by the bus's lock.</summary>
    public int Members { get; set; }

    public bool IsBroken => Subscribed.IsFaulted || Subscribed.IsCanceled;

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        BotEvent botEvent;
        try
        {
            botEvent = EventEntry.Decode(_botId, message, _name);
        }
        catch (FormatException)
        {
            // Only the publish script writes here; anything else on the channel is not ours. The log is
            // the record: subscribers fill any real gap from it when the next event arrives.
            return;
        }

        Subscribers.Deliver(botEvent);
    }
}
