namespace CryptoOrchestrator.Persistence;

/// <summary>The audit log: operator actions, numbered 1, 2, 3 … in commit order, never changed or removed.</summary>
public interface IAuditLog
{
    /// <summary>Appends an action and returns it with its sequence number.</summary>
    Task<AuditEntry> AppendAsync(long timeMs, string actor, string action, string target, string detailsJson, CancellationToken cancellation = default);

    /// <summary>The entries with a sequence above <paramref name="afterSequence"/>, ascending, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence = 0, int limit = 1000, CancellationToken cancellation = default);
}
