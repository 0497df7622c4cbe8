namespace CryptoOrchestrator.Persistence;

/// <summary>
/// Everything a bot did since its previous checkpoint, committed in one transaction, and where that leaves it.
/// The header (ids, progress, cash) is kept per bot, the latest only; the records join the journal.
/// </summary>
/// <param name="BotId">The bot.</param>
/// <param name="IdBase">The last client order id used before this run began: the run's ids follow it.</param>
/// <param name="ProgressMs">Pipeline time of the last time step fully processed; <see cref="long.MinValue"/> before the first.</param>
/// <param name="Steps">Time steps fully processed by the run.</param>
/// <param name="LastClientOrderId">The last client order id the run assigned (<paramref name="IdBase"/> when none yet).</param>
/// <param name="Cash">Cash at <paramref name="ProgressMs"/>.</param>
/// <param name="Equity">Equity at <paramref name="ProgressMs"/>.</param>
/// <param name="CommittedMs">Wall-clock time of the commit, Unix ms.</param>
public sealed record BotCheckpoint(
    string BotId,
    long IdBase,
    long ProgressMs,
    long Steps,
    long LastClientOrderId,
    decimal Cash,
    decimal Equity,
    long CommittedMs)
{
    /// <summary>Orders created since the previous checkpoint, as they were created (status New).</summary>
    public IReadOnlyList<OrderRecord> NewOrders { get; init; } = [];

    /// <summary>Order transitions since the previous checkpoint, numbered per order from 1 (the New one).</summary>
    public IReadOnlyList<OrderTransition> Transitions { get; init; } = [];

    /// <summary>Fills since the previous checkpoint.</summary>
    public IReadOnlyList<FillRecord> Fills { get; init; } = [];

    /// <summary>The positions those fills left (or every position, when a run begins).</summary>
    public IReadOnlyList<PositionRecord> Positions { get; init; } = [];

    /// <summary>An equity snapshot to keep, if it is time for one.</summary>
    public EquitySnapshot? EquitySnapshot { get; init; }

    /// <summary>Plugin states to keep, if it is time for them.</summary>
    public IReadOnlyList<PluginStateSnapshot> PluginStates { get; init; } = [];

    /// <summary>True before the run has completed a time step.</summary>
    public bool IsAtStart => ProgressMs == long.MinValue;
}
