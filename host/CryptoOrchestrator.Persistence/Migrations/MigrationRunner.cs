using System.Data.Common;
using CryptoOrchestrator.Persistence.Sql;

namespace CryptoOrchestrator.Persistence.Migrations;

/// <summary>
/// Applies the missing migrations, each in its own transaction that also records it in schema_migrations.
/// Every transaction first takes the database's migration lock (PostgreSQL: an advisory transaction lock;
/// SQLite: the write lock of BEGIN IMMEDIATE) and only then checks what is applied, so nodes starting
/// together apply each migration exactly once and a crash mid-migration leaves nothing half-applied.
/// </summary>
internal sealed class MigrationRunner(SqlDatabase database, TimeProvider time)
{
    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER NOT NULL PRIMARY KEY,
            name       TEXT    NOT NULL,
            checksum   TEXT    NOT NULL,
            applied_ms BIGINT  NOT NULL
        )
        """;

    private const string AppliedSql = "SELECT version, name, checksum FROM schema_migrations ORDER BY version";

    private const string RecordSql = "INSERT INTO schema_migrations (version, name, checksum, applied_ms) VALUES (@version, @name, @checksum, @applied)";

    public async Task<IReadOnlyList<int>> RunAsync(CancellationToken cancellation)
    {
        var migrations = Migration.For(database.Provider);
        var applied = await database.WriteAsync(
            async (connection, transaction) =>
            {
                await database.LockMigrationsAsync(connection, transaction, cancellation).ConfigureAwait(false);
                await connection.Command(CreateTableSql, transaction).RunAsync(cancellation).ConfigureAwait(false);
                return await AppliedAsync(connection, transaction, cancellation).ConfigureAwait(false);
            },
            null,
            cancellation).ConfigureAwait(false);
        Verify(migrations, applied);

        var appliedNow = new List<int>();
        foreach (var migration in migrations.Where(migration => !applied.ContainsKey(migration.Version)))
        {
            if (await ApplyAsync(migration, cancellation).ConfigureAwait(false))
            {
                appliedNow.Add(migration.Version);
            }
        }

        return appliedNow;
    }

    private Task<bool> ApplyAsync(Migration migration, CancellationToken cancellation) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await database.LockMigrationsAsync(connection, transaction, cancellation).ConfigureAwait(false);

                // Another node may have applied it while this one waited for the lock.
                var applied = await AppliedAsync(connection, transaction, cancellation).ConfigureAwait(false);
                if (applied.ContainsKey(migration.Version))
                {
                    return false;
                }

                try
                {
                    await connection.Command(migration.Sql, transaction).RunAsync(cancellation).ConfigureAwait(false);
                }
                catch (DbException exception)
                {
                    throw new InvalidOperationException(
                        $"{database.Provider} migration {migration.Version} ({migration.Name}) failed and was rolled back: {exception.Message}", exception);
                }

                await connection.Command(RecordSql, transaction)
                    .With("@version", migration.Version)
                    .With("@name", migration.Name)
                    .With("@checksum", migration.Checksum)
                    .With("@applied", time.GetUtcNow().ToUnixTimeMilliseconds())
                    .RunAsync(cancellation).ConfigureAwait(false);
                return true;
            },
            null,
            cancellation);

    private static async Task<Dictionary<int, (string Name, string Checksum)>> AppliedAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellation)
    {
        var rows = await connection.Command(AppliedSql, transaction)
            .ListAsync(reader => (Version: reader.GetInt32(0), Name: reader.GetString(1), Checksum: reader.GetString(2)), cancellation)
            .ConfigureAwait(false);
        return rows.ToDictionary(row => row.Version, row => (row.Name, row.Checksum));
    }

    // A database migrated by a newer build, or by a different script under the same number, is not one this build understands.
    private void Verify(IReadOnlyList<Migration> migrations, Dictionary<int, (string Name, string Checksum)> applied)
    {
        foreach (var (version, (name, checksum)) in applied)
        {
            if (version > migrations.Count)
            {
                throw new InvalidOperationException(
                    $"The {database.Provider} database has schema version {version} ({name}); this build knows versions up to {migrations.Count}. Run a newer build.");
            }

            var known = migrations[version - 1];
            if (!string.Equals(known.Checksum, checksum, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{database.Provider} migration {version} ({name}) was applied from a different script than this build's {known.Name}; migrations must never change once released.");
            }
        }
    }
}
