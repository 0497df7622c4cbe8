using System.Data.Common;
using System.Globalization;
using CryptoOrchestrator.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace CryptoOrchestrator.Persistence.Sqlite;

/// <summary>
/// One SQLite file in WAL mode (readers never wait for the writer) with foreign keys enforced, a busy timeout
/// for concurrent writers and, by default, synchronous=FULL, so a commit has reached the disk when it returns
/// (<see cref="SqliteDurability"/>).
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    // SQLite extended error codes (sqlite3.h): SQLITE_CONSTRAINT_FOREIGNKEY, _PRIMARYKEY and _UNIQUE.
    private const int ForeignKeyError = 787;
    private const int PrimaryKeyError = 1555;
    private const int UniqueError = 2067;

    // Writers queue on the file lock anyway; a few idle connections serve the readers and the next writer.
    private const int MaxIdleConnections = 8;

    private readonly SqliteConnections _connections;

    private SqliteDatabase(SqliteConnections connections, string dataSource)
    {
        _connections = connections;
        DataSource = dataSource;
    }

    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override string ForUpdate => string.Empty;

    public string DataSource { get; }

    private static string Synchronous(SqliteDurability durability) => durability switch
    {
        SqliteDurability.PowerLoss => "FULL",
        SqliteDurability.ProcessCrash => "NORMAL",
        _ => throw new ArgumentOutOfRangeException(nameof(durability), durability, "StoreOptions.SqliteDurability must be PowerLoss or ProcessCrash."),
    };

    /// <summary>Creates the file if needed and switches it to WAL (a property of the file, kept across opens).</summary>
    public static SqliteDatabase Open(StoreOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(
            options.ConnectionString.Contains('=', StringComparison.Ordinal) ? options.ConnectionString : $"Data Source={options.ConnectionString}")
        {
            ForeignKeys = true,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        if (builder.Mode is SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            throw new ArgumentException("StoreOptions.ConnectionString must name a SQLite file; an in-memory database would lose everything.", nameof(options));
        }

        var pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {Synchronous(options.SqliteDurability)};");
        var connections = new SqliteConnections(builder.ToString(), pragmas, MaxIdleConnections);
        try
        {
            var first = connections.Create();
            using (var command = first.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode = WAL;";
                command.ExecuteNonQuery();
            }

            connections.Return(first, reusable: true);
        }
        catch (SqliteException exception)
        {
            connections.Dispose();
            throw new InvalidOperationException($"SQLite store '{builder.DataSource}' cannot be opened: {exception.Message}", exception);
        }

        return new SqliteDatabase(connections, builder.DataSource);
    }

    public override ValueTask<DbConnection> OpenAsync(CancellationToken cancellation) =>
        ValueTask.FromResult<DbConnection>(_connections.Rent());

    public override ValueTask ReleaseAsync(DbConnection connection, bool reusable)
    {
        _connections.Return((StatementCachingConnection)connection, reusable);
        return ValueTask.CompletedTask;
    }

    public override DbCommand Statement(DbConnection connection, string sql, DbTransaction transaction) =>
        ((StatementCachingConnection)connection).Statement(sql, (SqliteTransaction)transaction);

    // BEGIN IMMEDIATE takes the write lock up front: a transaction that reads and then writes never fails
    // half-way with SQLITE_BUSY, and writers queue on the busy timeout instead.
    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellation) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellation) =>
        Task.CompletedTask;

    public override object Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public override decimal ReadNumber(DbDataReader reader, int ordinal)
    {
        var text = reader.GetString(ordinal);
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"Column '{reader.GetName(ordinal)}' holds '{text}', which is not an exact decimal.");
    }

    public override ConstraintViolation Classify(DbException exception) => exception switch
    {
        SqliteException { SqliteExtendedErrorCode: ForeignKeyError } => new(ViolationKind.ForeignKey, exception.Message),
        SqliteException { SqliteExtendedErrorCode: PrimaryKeyError or UniqueError } => new(ViolationKind.Unique, exception.Message),
        _ => ConstraintViolation.None,
    };

    // Closing the last connection checkpoints the WAL into the file, so a stopped store leaves one file behind.
    public override ValueTask DisposeAsync()
    {
        _connections.Dispose();
        return ValueTask.CompletedTask;
    }
}
