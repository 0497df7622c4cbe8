namespace CryptoOrchestrator.Messaging;

/// <summary>
/// The latest price of each symbol and the latest state of each bot, for the API to read without asking
/// the bots. Prices are exact (<see cref="decimal"/>, stored as invariant decimal text).
/// </summary>
public interface ILatestStateCache
{
    /// <summary>Records a price unless a newer one (a later <paramref name="timeMs"/>) is already held.</summary>
    ValueTask SetPriceAsync(string symbol, decimal price, long timeMs);

    /// <summary>The latest price of the symbol and its time, or null when none was recorded.</summary>
    ValueTask<(decimal Price, long TimeMs)?> GetPriceAsync(string symbol);

    /// <summary>Replaces the bot's state (JSON text, kept as given).</summary>
    ValueTask SetBotStateAsync(string botId, string stateJson);

    /// <summary>The bot's latest state, or null when none was recorded.</summary>
    ValueTask<string?> GetBotStateAsync(string botId);
}
