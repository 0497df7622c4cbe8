namespace CryptoOrchestrator.Persistence;

/// <summary>A bot's position in one instrument; stored by upsert, one row per (BotId, Symbol).</summary>
/// <param name="BotId">The bot.</param>
/// <param name="Symbol">The instrument's symbol.</param>
/// <param name="Quantity">Signed quantity: positive long, negative short, zero flat.</param>
/// <param name="AveragePrice">The average entry price of the open quantity.</param>
/// <param name="RealizedPnl">Profit and loss realised so far.</param>
/// <param name="UpdatedMs">When it last changed, Unix ms.</param>
public sealed record PositionRecord(string BotId, string Symbol, decimal Quantity, decimal AveragePrice, decimal RealizedPnl, long UpdatedMs);
