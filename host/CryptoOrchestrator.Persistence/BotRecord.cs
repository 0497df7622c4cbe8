namespace CryptoOrchestrator.Persistence;

/// <summary>A bot as stored: its definition (opaque JSON owned by the runtime) and its status.</summary>
/// <param name="Id">The bot's identifier; every other per-bot record refers to it.</param>
/// <param name="Name">A display name.</param>
/// <param name="ConfigurationJson">The bot's definition as JSON; the store does not interpret it.</param>
/// <param name="Status">Its life-cycle status.</param>
/// <param name="CreatedMs">When it was created, Unix ms.</param>
/// <param name="UpdatedMs">When it was last changed, Unix ms.</param>
public sealed record BotRecord(string Id, string Name, string ConfigurationJson, BotStatus Status, long CreatedMs, long UpdatedMs);
