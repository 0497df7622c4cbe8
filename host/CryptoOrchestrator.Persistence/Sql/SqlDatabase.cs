using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>
/// What differs between SQLite and PostgreSQL, and nothing else: connections, how a write transaction begins,
/// how decimals are stored, row locks and how constraint errors are reported. The repositories share all their SQL.
/// </summary>
internal abstract class SqlDatabase : IAsyncDisposable
{
    public abstract StoreProvider Provider { get; }

    /// <summary>" FOR UPDATE" where the database locks read rows; empty for SQLite, whose write transactions lock the file.</summary>
    public abstract string ForUpdate { get; }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellation);

    /// <summary>Gives back a connection from <see cref="OpenAsync"/>; <paramref name="reusable"/> is false after a failure, when it is safer closed.</summary>
    public abstract ValueTask ReleaseAsync(DbConnection connection, bool reusable);

    /// <summary>
    /// A command for a statement run on every commit, in <paramref name="transaction"/>. SQLite keeps it prepared on
    /// the connection (set every parameter with <c>With</c>, which overwrites); PostgreSQL makes a new one, since Npgsql
    /// prepares repeated statements itself.
    /// </summary>
    public virtual DbCommand Statement(DbConnection connection, string sql, DbTransaction transaction) => connection.Command(sql, transaction);

    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellation);

    /// <summary>Serialises migrations across every connection and node until the transaction ends.</summary>
    public abstract Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellation);

    public abstract object Number(decimal value);

    public abstract decimal ReadNumber(DbDataReader reader, int ordinal);

    public abstract ConstraintViolation Classify(DbException exception);

    public abstract ValueTask DisposeAsync();

    public object Number(decimal? value) => value is { } number ? Number(number) : DBNull.Value;

    public decimal? ReadNullableNumber(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadNumber(reader, ordinal);

    /// <summary>Runs a read on a pooled connection.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellation)
    {
        var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        var reusable = false;
        try
        {
            var result = await read(connection).ConfigureAwait(false);
            reusable = true;
            return result;
        }
        finally
        {
            await ReleaseAsync(connection, reusable).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs a write in one transaction, committed before this returns; any failure rolls all of it back. A broken
    /// constraint is handed to <paramref name="translate"/>, which may name the record and field at fault
    /// (keeping the database's exception as the inner one).
    /// </summary>
    public async Task<T> WriteAsync<T>(
        Func<DbConnection, DbTransaction, Task<T>> write,
        Func<ConstraintViolation, DbException, Exception?>? translate,
        CancellationToken cancellation)
    {
        var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        var reusable = false;
        try
        {
            var transaction = await BeginWriteAsync(connection, cancellation).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await write(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellation).ConfigureAwait(false);
                reusable = true;
                return result;
            }
        }
        catch (DbException exception) when (translate?.Invoke(Classify(exception), exception) is { } translated)
        {
            throw translated;
        }
        finally
        {
            await ReleaseAsync(connection, reusable).ConfigureAwait(false);
        }
    }

    public Task WriteAsync(
        Func<DbConnection, DbTransaction, Task> write,
        Func<ConstraintViolation, DbException, Exception?>? translate,
        CancellationToken cancellation) =>
        WriteAsync(
            async (connection, transaction) =>
            {
                await write(connection, transaction).ConfigureAwait(false);
                return true;
            },
            translate,
            cancellation);

    /// <summary>Runs one UPDATE or DELETE that must change a row; when none matched, throws what <paramref name="missing"/> makes.</summary>
    public Task ChangeOneAsync(
        string sql,
        Func<DbCommand, DbCommand> bind,
        Func<Exception> missing,
        Func<ConstraintViolation, DbException, Exception?>? translate,
        CancellationToken cancellation) =>
        WriteAsync(
            async (connection, transaction) =>
            {
                if (await bind(connection.Command(sql, transaction)).RunAsync(cancellation).ConfigureAwait(false) == 0)
                {
                    throw missing();
                }
            },
            translate,
            cancellation);
}
