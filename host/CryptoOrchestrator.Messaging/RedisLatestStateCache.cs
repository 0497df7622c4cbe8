using System.Globalization;
using CryptoOrchestrator.Messaging.Redis;
using StackExchange.Redis;

namespace CryptoOrchestrator.Messaging;

/// <summary>
/// The latest prices and bot states in Redis, readable by every node. Prices are stored as invariant
/// decimal text, so what is read back is exactly what was written.
/// </summary>
public sealed class RedisLatestStateCache : ILatestStateCache
{
    private readonly IDatabase _database;
    private readonly RedisKeyspace _keys;

    /// <summary>Creates a cache on a connection the caller owns, under the given key prefix.</summary>
    public RedisLatestStateCache(IConnectionMultiplexer connection, string keyPrefix = RedisEventBus.DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _database = connection.GetDatabase();
        _keys = new RedisKeyspace(keyPrefix);
    }

    /// <inheritdoc />
    public async ValueTask SetPriceAsync(string symbol, decimal price, long timeMs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        await _database.ScriptEvaluateAsync(
            RedisScripts.SetPrice,
            [_keys.Price(symbol)],
            [price.ToString(CultureInfo.InvariantCulture), timeMs]).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<(decimal Price, long TimeMs)?> GetPriceAsync(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var key = _keys.Price(symbol);
        var fields = await _database.HashGetAsync(key, ["p", "t"]).ConfigureAwait(false);
        if (fields[0].IsNull)
        {
            return null;
        }

        if (!decimal.TryParse((string?)fields[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var price)
            || !long.TryParse((string?)fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var timeMs))
        {
            throw new FormatException($"Malformed price in '{key}': price '{fields[0]}', time '{fields[1]}'.");
        }

        return (price, timeMs);
    }

    /// <inheritdoc />
    public async ValueTask SetBotStateAsync(string botId, string stateJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentNullException.ThrowIfNull(stateJson);
        await _database.StringSetAsync(_keys.BotState(botId), stateJson).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<string?> GetBotStateAsync(string botId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        return await _database.StringGetAsync(_keys.BotState(botId)).ConfigureAwait(false);
    }
}
