namespace CryptoOrchestrator.Persistence;

/// <summary>A bot's cash and equity at one moment; one per (BotId, TimeMs).</summary>
/// <param name="BotId">The bot.</param>
/// <param name="TimeMs">The moment, Unix ms.</param>
/// <param name="Cash">Cash held.</param>
/// <param name="Equity">Cash plus positions marked to market.</param>
public sealed record EquitySnapshot(string BotId, long TimeMs, decimal Cash, decimal Equity);
