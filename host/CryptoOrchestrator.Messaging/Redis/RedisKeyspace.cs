using StackExchange.Redis;

namespace CryptoOrchestrator.Messaging.Redis;

/// <summary>
/// Where everything lives in Redis, under one prefix. A bot's keys share the hash tag <c>{botId}</c> so that
/// the scripts touching several of them stay in one slot should the server ever be a cluster.
/// </summary>
internal sealed class RedisKeyspace
{
    private readonly string _prefix;

    public RedisKeyspace(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        _prefix = prefix;
    }

    /// <summary>The counter INCR numbers the bot's events with.</summary>
    public RedisKey Sequence(string botId) => $"{_prefix}bot:{{{botId}}}:seq";

    /// <summary>The sorted set of retained events, scored by sequence.</summary>
    public RedisKey Log(string botId) => $"{_prefix}bot:{{{botId}}}:log";

    /// <summary>The bot's latest state (a string holding JSON).</summary>
    public RedisKey BotState(string botId) => $"{_prefix}bot:{{{botId}}}:state";

    /// <summary>The hash holding a symbol's latest price (<c>p</c>) and its time (<c>t</c>).</summary>
    public RedisKey Price(string symbol) => $"{_prefix}price:{symbol}";

    /// <summary>The pub/sub channel live events go out on; literal, so a bot id with '*' is no pattern.</summary>
    public RedisChannel Live(string botId) => new($"{_prefix}bot:{{{botId}}}:live", RedisChannel.PatternMode.Literal);
}
