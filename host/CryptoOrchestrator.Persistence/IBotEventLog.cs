namespace CryptoOrchestrator.Persistence;

/// <summary>
/// Bot events numbered 1, 2, 3 … per bot in commit order, so a client that saw up to sequence N reads on from N.
/// Events are numbered here (<see cref="AppendAsync"/>) or by an event bus and stored with their number (<see cref="StoreAsync"/>).
/// </summary>
public interface IBotEventLog
{
    /// <summary>Appends an event with the bot's next sequence number and returns it.</summary>
    /// <exception cref="RecordNotFoundException">The bot does not exist.</exception>
    Task<StoredBotEvent> AppendAsync(string botId, string type, long timeMs, string payloadJson, CancellationToken cancellation = default);

    /// <summary>
    /// Stores an event numbered elsewhere; false when that sequence was already stored with the same content.
    /// Later <see cref="AppendAsync"/> calls number above it.
    /// </summary>
    /// <exception cref="RecordNotFoundException">The bot does not exist.</exception>
    /// <exception cref="DuplicateRecordException">The sequence is already stored with different content.</exception>
    Task<bool> StoreAsync(StoredBotEvent botEvent, CancellationToken cancellation = default);

    /// <summary>The bot's events with a sequence above <paramref name="afterSequence"/>, ascending, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredBotEvent>> ReadAfterAsync(string botId, long afterSequence, int limit = 1000, CancellationToken cancellation = default);

    /// <summary>The bot's highest sequence number so far, or 0.</summary>
    Task<long> LastSequenceAsync(string botId, CancellationToken cancellation = default);
}
