namespace CryptoOrchestrator.Messaging;

/// <summary>
/// One thing that happened to a bot, numbered by the bus: the bot's events carry sequences 1, 2, 3 …
/// with no gap, so a client that remembers the last sequence it saw can resume exactly after it.
/// </summary>
/// <param name="BotId">The bot the event belongs to.</param>
/// <param name="Sequence">The event's place in the bot's stream, from 1.</param>
/// <param name="Type">What kind of event it is (see <see cref="BotEventTypes"/>).</param>
/// <param name="TimeMs">When it happened, Unix milliseconds.</param>
/// <param name="PayloadJson">The event's data as JSON text, passed through untouched.</param>
public sealed record BotEvent(string BotId, long Sequence, string Type, long TimeMs, string PayloadJson);
