namespace CryptoOrchestrator.Persistence;

/// <summary>Positions, one row per bot and instrument.</summary>
public interface IPositionRepository
{
    /// <summary>Stores the position, replacing the bot's previous one in that instrument.</summary>
    /// <exception cref="RecordNotFoundException">The bot does not exist.</exception>
    Task UpsertAsync(PositionRecord position, CancellationToken cancellation = default);

    /// <summary>The bot's position in the instrument, or null when none was stored.</summary>
    Task<PositionRecord?> GetAsync(string botId, string symbol, CancellationToken cancellation = default);

    /// <summary>The bot's positions, by symbol.</summary>
    Task<IReadOnlyList<PositionRecord>> ListAsync(string botId, CancellationToken cancellation = default);
}
