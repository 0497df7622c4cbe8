namespace CryptoOrchestrator.Persistence;

/// <summary>Fills, idempotent on (BotId, ClientOrderId, FillSequence).</summary>
public interface IFillRepository
{
    /// <summary>Stores a fill; false when it was already stored (a replay), which changes nothing.</summary>
    /// <exception cref="RecordNotFoundException">The order (or its bot) does not exist.</exception>
    /// <exception cref="DuplicateRecordException">The fill was stored before with different content; the message names the fields.</exception>
    Task<bool> AddAsync(FillRecord fill, CancellationToken cancellation = default);

    /// <summary>The order's fills, by fill sequence.</summary>
    Task<IReadOnlyList<FillRecord>> ForOrderAsync(string botId, long clientOrderId, CancellationToken cancellation = default);

    /// <summary>The bot's fills with <paramref name="fromMs"/> ≤ time &lt; <paramref name="toMs"/>, by time, order and fill sequence.</summary>
    Task<IReadOnlyList<FillRecord>> ListAsync(string botId, long fromMs = 0, long toMs = long.MaxValue, CancellationToken cancellation = default);
}
