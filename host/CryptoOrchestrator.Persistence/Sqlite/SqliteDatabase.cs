using System.Data.Common;
using System.Globalization;
using CryptoOrchestrator.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace CryptoOrchestrator.Persistence.Sqlite;

/// <summary>
/// One SQLite file in WAL mode (readers never wait for the writer) with foreign keys enforced, a busy timeout
/// for concurrent writers and synchronous=FULL, so a commit has reached the disk when it returns.
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    // SQLite extended error codes (sqlite3.h): SQLITE_CONSTRAINT_FOREIGNKEY, _PRIMARYKEY and _UNIQUE.
    private const int ForeignKeyError = 787;
    private const int PrimaryKeyError = 1555;
    private const int UniqueError = 2067;

    private readonly string _connectionString;
    private readonly string _pragmas;

    private SqliteDatabase(string connectionString, TimeSpan busyTimeout)
    {
        _connectionString = connectionString;
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");
    }

    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override string ForUpdate => string.Empty;

    public string DataSource { get; private init; } = string.Empty;

    /// <summary>Creates the file if needed and switches it to WAL (a property of the file, kept across opens).</summary>
    public static SqliteDatabase Open(StoreOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(
            options.ConnectionString.Contains('=', StringComparison.Ordinal) ? options.ConnectionString : $"Data Source={options.ConnectionString}")
        {
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        if (builder.Mode is SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            throw new ArgumentException("StoreOptions.ConnectionString must name a SQLite file; an in-memory database would lose everything.", nameof(options));
        }

        var database = new SqliteDatabase(builder.ToString(), options.BusyTimeout) { DataSource = builder.DataSource };
        try
        {
            using var connection = new SqliteConnection(database._connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = database._pragmas + " PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }
        catch (SqliteException exception)
        {
            throw new InvalidOperationException($"SQLite store '{builder.DataSource}' cannot be opened: {exception.Message}", exception);
        }

        return database;
    }

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellation)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellation).ConfigureAwait(false);

            // Pooled connections keep these, but a fresh one starts without them; setting them is microseconds.
            await connection.Command(_pragmas).RunAsync(cancellation).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

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

    // Pooled connections hold the file open; release them so the file can be moved, deleted or reopened cleanly.
    public override ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
