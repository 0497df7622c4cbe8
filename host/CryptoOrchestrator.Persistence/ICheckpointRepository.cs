namespace CryptoOrchestrator.Persistence;

/// <summary>
/// A running bot's journal in bulk: each <see cref="CommitAsync"/> makes a whole batch of orders, transitions,
/// fills, positions and the progress marker durable at once, or none of it.
/// </summary>
public interface ICheckpointRepository
{
    /// <summary>
    /// Writes the checkpoint's records and header in one transaction, durable when this returns. Idempotent:
    /// an order, transition or fill already stored (a run replayed after a crash) is kept as it is; a stored fill that
    /// differs from the one given is refused with <see cref="DuplicateRecordException"/>, rolling everything back.
    /// </summary>
    /// <exception cref="RecordNotFoundException">The bot does not exist.</exception>
    Task CommitAsync(BotCheckpoint checkpoint, CancellationToken cancellation = default);

    /// <summary>The bot's latest checkpoint header (its record lists empty), or null when it never committed one.</summary>
    Task<BotCheckpoint?> LatestAsync(string botId, CancellationToken cancellation = default);
}
