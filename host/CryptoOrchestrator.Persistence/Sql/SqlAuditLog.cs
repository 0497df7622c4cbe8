using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

internal sealed class SqlAuditLog(SqlDatabase database) : IAuditLog
{
    private const string Columns = "sequence, time_ms, actor, action, target, details_json";
    private const string InsertSql = $"INSERT INTO audit_log ({Columns}) VALUES (@sequence, @time, @actor, @action, @target, @details)";
    private const string ReadSql = $"SELECT {Columns} FROM audit_log WHERE sequence > @after ORDER BY sequence LIMIT @limit";

    public Task<AuditEntry> AppendAsync(long timeMs, string actor, string action, string target, string detailsJson, CancellationToken cancellation = default)
    {
        Require.Text(actor, nameof(actor));
        Require.Text(action, nameof(action));
        Require.NotNull(target, nameof(target));
        Require.NotNull(detailsJson, nameof(detailsJson));
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var sequence = await SequenceCounter.NextAsync(connection, transaction, SequenceCounter.Audit, cancellation).ConfigureAwait(false);
                var entry = new AuditEntry(sequence, timeMs, actor, action, target, detailsJson);
                await connection.Command(InsertSql, transaction)
                    .With("@sequence", entry.Sequence)
                    .With("@time", entry.TimeMs)
                    .With("@actor", entry.Actor)
                    .With("@action", entry.Action)
                    .With("@target", entry.Target)
                    .With("@details", entry.DetailsJson)
                    .RunAsync(cancellation).ConfigureAwait(false);
                return entry;
            },
            null,
            cancellation);
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence = 0, int limit = 1000, CancellationToken cancellation = default)
    {
        Require.Limit(limit, nameof(limit));
        return database.ReadAsync(
            connection => connection.Command(ReadSql).With("@after", afterSequence).With("@limit", limit).ListAsync(Read, cancellation),
            cancellation);
    }

    private static AuditEntry Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5));
}
