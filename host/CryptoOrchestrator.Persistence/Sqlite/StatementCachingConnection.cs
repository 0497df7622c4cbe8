using Microsoft.Data.Sqlite;

namespace CryptoOrchestrator.Persistence.Sqlite;

/// <summary>
/// A store connection that keeps the commands of its hot statements, so SQLite compiles each statement once per
/// connection instead of once per use (Microsoft.Data.Sqlite prepares a command's statements on its first run and
/// keeps them while the command and its text live). Safe because <see cref="SqliteConnections"/> lends a connection
/// to one caller at a time.
/// </summary>
internal sealed class StatementCachingConnection(string connectionString) : SqliteConnection(connectionString)
{
    private readonly Dictionary<string, KeptCommand> _statements = new(StringComparer.Ordinal);

    /// <summary>
    /// The kept command for <paramref name="sql"/>, joined to <paramref name="transaction"/>. Its parameters still hold
    /// the previous use's values: the caller sets every one of them (<c>With</c> overwrites a parameter of that name).
    /// Disposing it does nothing; it lives as long as this connection.
    /// </summary>
    public SqliteCommand Statement(string sql, SqliteTransaction? transaction)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = new KeptCommand { Connection = this, CommandTimeout = DefaultTimeout };
#pragma warning disable CA2100 // The SQL is a constant of the repositories; every value is a parameter.
            command.CommandText = sql;
#pragma warning restore CA2100
            _statements.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _statements.Values)
            {
                command.Release();
            }

            _statements.Clear();
        }

        base.Dispose(disposing);
    }

    /// <summary>A command that the callers' usual <c>await using</c> leaves alive; only its connection disposes it.</summary>
    private sealed class KeptCommand : SqliteCommand
    {
        private bool _released;

        public void Release()
        {
            _released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (_released)
            {
                base.Dispose(disposing);
            }
        }
    }
}
