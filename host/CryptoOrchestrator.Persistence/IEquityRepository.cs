namespace CryptoOrchestrator.Persistence;

/// <summary>Equity snapshots, one per bot and moment.</summary>
public interface IEquityRepository
{
    /// <summary>Stores a snapshot; one stored before for the same bot and moment is replaced.</summary>
    /// <exception cref="RecordNotFoundException">The bot does not exist.</exception>
    Task AddAsync(EquitySnapshot snapshot, CancellationToken cancellation = default);

    /// <summary>The bot's snapshots with <paramref name="fromMs"/> ≤ time &lt; <paramref name="toMs"/>, by time.</summary>
    Task<IReadOnlyList<EquitySnapshot>> RangeAsync(string botId, long fromMs, long toMs, CancellationToken cancellation = default);

    /// <summary>The bot's latest snapshot, or null when there is none.</summary>
    Task<EquitySnapshot?> LatestAsync(string botId, CancellationToken cancellation = default);
}
