namespace CryptoOrchestrator.Persistence;

/// <summary>One operator action, numbered 1, 2, 3 … in the order it was committed.</summary>
/// <param name="Sequence">Its number in the log.</param>
/// <param name="TimeMs">When it happened, Unix ms.</param>
/// <param name="Actor">Who did it (a user name or an API key's name).</param>
/// <param name="Action">What was done, e.g. "bot.start".</param>
/// <param name="Target">What it was done to, e.g. a bot id.</param>
/// <param name="DetailsJson">Anything else worth keeping, as JSON; never a secret.</param>
public sealed record AuditEntry(long Sequence, long TimeMs, string Actor, string Action, string Target, string DetailsJson);
