using System.Data.Common;
using CryptoOrchestrator.Persistence.Sql;
using Npgsql;

namespace CryptoOrchestrator.Persistence.Postgres;

/// <summary>A PostgreSQL database reached through one pooled <see cref="NpgsqlDataSource"/>.</summary>
internal sealed class PostgresDatabase(NpgsqlDataSource dataSource) : SqlDatabase
{
    // Any fixed number works, as long as every node uses the same one: it names the migration lock.
    private const long MigrationLockKey = 0x43_4F_4D_49_47_52_41_54; // "COMIGRAT"

    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";

    public override StoreProvider Provider => StoreProvider.Postgres;

    public override string ForUpdate => " FOR UPDATE";

    public static PostgresDatabase Open(StoreOptions options)
    {
        try
        {
            return new PostgresDatabase(NpgsqlDataSource.Create(options.ConnectionString));
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"StoreOptions.ConnectionString is not a valid Npgsql connection string: {exception.Message}", nameof(options), exception);
        }
    }

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellation) =>
        await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);

    // Npgsql's pool takes it back; it resets the session before lending it again.
    public override ValueTask ReleaseAsync(DbConnection connection, bool reusable) => connection.DisposeAsync();

    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellation) =>
        await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);

    // Released by the commit or rollback of the transaction, so a crashed node never leaves it held.
    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellation) =>
        connection.Command("SELECT pg_advisory_xact_lock(@key)", transaction).With("@key", MigrationLockKey).RunAsync(cancellation);

    public override object Number(decimal value) => value;

    public override decimal ReadNumber(DbDataReader reader, int ordinal) => reader.GetDecimal(ordinal);

    public override ConstraintViolation Classify(DbException exception) => exception switch
    {
        PostgresException { SqlState: UniqueViolation } postgres => new(ViolationKind.Unique, postgres.ConstraintName ?? string.Empty),
        PostgresException { SqlState: ForeignKeyViolation } postgres => new(ViolationKind.ForeignKey, postgres.ConstraintName ?? string.Empty),
        _ => ConstraintViolation.None,
    };

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
