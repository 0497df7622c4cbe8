namespace CryptoOrchestrator.Host.Bench;

/// <summary>The fan-out bench's load: subscribers, events published on the bot's stream, and their rate.</summary>
internal sealed record FanoutLoad(int Clients, int Events, int EventsPerSecond);
