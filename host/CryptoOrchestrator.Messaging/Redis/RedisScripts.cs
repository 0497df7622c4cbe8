namespace CryptoOrchestrator.Messaging.Redis;

/// <summary>
/// The Lua scripts that make multi-step operations atomic on the server (StackExchange.Redis 1.2.6 has no
/// Streams API). The client sends each script's text; the library switches to EVALSHA once it is cached.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// Numbers, retains and fans out one event in one step, so every node sees the same order and the log
    /// never lacks an event that was published. KEYS: sequence counter, log. ARGV: the entry after its
    /// sequence, retention, channel. Returns the sequence.
    /// </summary>
    public const string Publish = """
        local sequence = redis.call('INCR', KEYS[1])
        local entry = string.format('%d:%s', sequence, ARGV[1])
        redis.call('ZADD', KEYS[2], sequence, entry)
        redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[2]) + 1))
        redis.call('PUBLISH', ARGV[3], entry)
        return sequence
        """;

    /// <summary>
    /// One page of the log after a sequence, with the latest sequence read at the same instant (to tell a
    /// trimmed log from one that was never written). KEYS: sequence counter, log. ARGV: after, page size.
    /// Returns { latest, { entries } }.
    /// </summary>
    public const string ReadLog = """
        local latest = tonumber(redis.call('GET', KEYS[1]) or '0')
        local page = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'LIMIT', 0, tonumber(ARGV[2]))
        return { latest, page }
        """;

    /// <summary>
    /// Records a price unless the held one is newer, so two nodes writing out of order never move a price
    /// back in time. KEYS: price hash. ARGV: price text, time. Returns 1 when written.
    /// </summary>
    public const string SetPrice = """
        local held = redis.call('HGET', KEYS[1], 't')
        if held and tonumber(held) > tonumber(ARGV[2]) then return 0 end
        redis.call('HSET', KEYS[1], 'p', ARGV[1], 't', ARGV[2])
        return 1
        """;
}
