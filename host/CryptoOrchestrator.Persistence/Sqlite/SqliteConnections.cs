using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CryptoOrchestrator.Persistence.Sqlite;

/// <summary>
/// The store's own pool of open SQLite connections. Microsoft.Data.Sqlite's pool (10.0.11) can lend one native
/// handle to two concurrent opens (dotnet/efcore#39008): two writers would then share a transaction, and one's
/// commit or rollback would take the other's half-done work with it. Here every connection is opened unpooled,
/// handed to one user at a time, and taken back only when no transaction is left open on it.
/// </summary>
internal sealed class SqliteConnections(string connectionString, string pragmas, int maxIdle) : IDisposable
{
    private readonly ConcurrentStack<StatementCachingConnection> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    public StatementCachingConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryPop(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }

        return Create();
    }

    /// <summary>A new connection with the store's pragmas set; they stay set for its whole life.</summary>
    public StatementCachingConnection Create()
    {
        var connection = new StatementCachingConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Takes a connection back; one that failed, or still has a transaction open, is closed instead.</summary>
    public void Return(StatementCachingConnection connection, bool reusable)
    {
        if (reusable && !_disposed && IsClean(connection))
        {
            if (Interlocked.Increment(ref _idleCount) <= maxIdle)
            {
                _idle.Push(connection);
                if (_disposed)
                {
                    Drain();
                }

                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        connection.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private static bool IsClean(SqliteConnection connection) =>
        connection.State == System.Data.ConnectionState.Open && connection.Handle is { } handle && raw.sqlite3_get_autocommit(handle) != 0;

    private void Drain()
    {
        while (_idle.TryPop(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
        }
    }
}
