using System.Collections.Concurrent;

namespace CryptoOrchestrator.Messaging;

/// <summary>The latest prices and bot states of a single node, held in memory.</summary>
public sealed class InMemoryLatestStateCache : ILatestStateCache
{
    private readonly ConcurrentDictionary<string, (decimal Price, long TimeMs)> _prices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _botStates = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask SetPriceAsync(string symbol, decimal price, long timeMs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        _prices.AddOrUpdate(
            symbol,
            static (_, quote) => quote,
            static (_, held, quote) => held.TimeMs > quote.TimeMs ? held : quote,
            (Price: price, TimeMs: timeMs));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<(decimal Price, long TimeMs)?> GetPriceAsync(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return ValueTask.FromResult<(decimal, long)?>(_prices.TryGetValue(symbol, out var quote) ? quote : null);
    }

    /// <inheritdoc />
    public ValueTask SetBotStateAsync(string botId, string stateJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentNullException.ThrowIfNull(stateJson);
        _botStates[botId] = stateJson;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<string?> GetBotStateAsync(string botId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        return ValueTask.FromResult(_botStates.GetValueOrDefault(botId));
    }
}
