namespace CryptoOrchestrator.Persistence;

/// <summary>Bots and their configuration.</summary>
public interface IBotRepository
{
    /// <summary>Stores a new bot.</summary>
    /// <exception cref="DuplicateRecordException">A bot with this id exists.</exception>
    Task CreateAsync(BotRecord bot, CancellationToken cancellation = default);

    /// <summary>The bot, or null when there is none with this id.</summary>
    Task<BotRecord?> GetAsync(string botId, CancellationToken cancellation = default);

    /// <summary>Every bot, by id.</summary>
    Task<IReadOnlyList<BotRecord>> ListAsync(CancellationToken cancellation = default);

    /// <summary>Replaces the bot's name, configuration, status and update time (not its creation time).</summary>
    /// <exception cref="RecordNotFoundException">No bot has this id.</exception>
    Task UpdateAsync(BotRecord bot, CancellationToken cancellation = default);

    /// <summary>Sets the bot's status and update time.</summary>
    /// <exception cref="RecordNotFoundException">No bot has this id.</exception>
    Task SetStatusAsync(string botId, BotStatus status, long timeMs, CancellationToken cancellation = default);

    /// <summary>Deletes the bot with everything it produced: orders, fills, positions, equity, plugin state and events.</summary>
    /// <exception cref="RecordNotFoundException">No bot has this id.</exception>
    Task DeleteAsync(string botId, CancellationToken cancellation = default);
}
