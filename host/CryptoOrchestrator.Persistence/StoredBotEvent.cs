namespace CryptoOrchestrator.Persistence;

/// <summary>One event of a bot, numbered 1, 2, 3 … per bot, kept so a client can resume after a sequence.</summary>
/// <param name="BotId">The bot.</param>
/// <param name="Sequence">Its number among the bot's events.</param>
/// <param name="Type">The event type, e.g. "fill".</param>
/// <param name="TimeMs">When it happened, Unix ms.</param>
/// <param name="PayloadJson">The event itself, as JSON.</param>
public sealed record StoredBotEvent(string BotId, long Sequence, string Type, long TimeMs, string PayloadJson);
