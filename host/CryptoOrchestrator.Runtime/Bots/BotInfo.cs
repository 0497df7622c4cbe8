namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>A managed bot as it is at one moment.</summary>
/// <param name="Id">Its unique key.</param>
/// <param name="Name">Its name for people.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Reason">Why it is Stopped or Failed; null otherwise.</param>
/// <param name="BarsFed">Bars its feed handed to the current (or last) run.</param>
/// <param name="EventsProcessed">Bars the current (or last) run has fully processed.</param>
/// <param name="EventsDropped">Bot events lost because the event buffer was full (0 unless the bus cannot keep up).</param>
/// <param name="StartedAt">When the current (or last) run started; null before the first.</param>
/// <param name="EndedAt">When the last run ended; null while one runs, or before the first.</param>
/// <param name="Definition">What it was created from.</param>
public sealed record BotInfo(
    string Id,
    string Name,
    BotStatus Status,
    string? Reason,
    long BarsFed,
    long EventsProcessed,
    long EventsDropped,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    BotDefinition Definition);
