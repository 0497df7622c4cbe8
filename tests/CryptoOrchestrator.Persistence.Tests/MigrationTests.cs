using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class MigrationTests(StoreTarget target)
{
    [Fact]
    public async Task Migrate_AppliesEachMigrationOnce_AndNothingOnTheNextStart()
    {
        var database = await target.NewDatabaseAsync();

        await using (var first = Stores.Open(database))
        {
            Assert.Equal([1, 2], await first.MigrateAsync());
            Assert.Empty(await first.MigrateAsync());
        }

        await using var restarted = Stores.Open(database);
        Assert.Empty(await restarted.MigrateAsync());
        Assert.Equal(2L, Convert.ToInt64(await target.ScalarAsync(database, "SELECT COUNT(*) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture));
        await restarted.Bots.CreateAsync(Sample.Bot());
        Assert.Single(await restarted.Bots.ListAsync());
    }

    [Fact]
    public async Task Migrate_FromStoresStartingTogether_AppliesEachMigrationExactlyOnce()
    {
        for (var round = 0; round < 3; round++)
        {
            var database = await target.NewDatabaseAsync();
            var stores = Enumerable.Range(0, 4).Select(_ => Stores.Open(database)).ToList();
            try
            {
                var applied = await Task.WhenAll(stores.Select(store => Task.Run(() => store.MigrateAsync())));

                Assert.Equal([1, 2], applied.SelectMany(versions => versions).Order().ToArray());
                Assert.Equal(2L, Convert.ToInt64(await target.ScalarAsync(database, "SELECT COUNT(*) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture));
            }
            finally
            {
                foreach (var store in stores)
                {
                    await store.DisposeAsync();
                }
            }
        }
    }

    [Fact]
    public async Task Migrate_RefusesADatabaseMigratedByANewerBuild()
    {
        var database = await target.NewDatabaseAsync();
        await using var store = Stores.Open(database);
        await store.MigrateAsync();
        await target.ExecuteAsync(database, "INSERT INTO schema_migrations (version, name, checksum, applied_ms) VALUES (99, 'future', 'x', 0)");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync());

        Assert.Contains("schema version 99 (future)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_RefusesAMigrationWhoseScriptChangedAfterItWasApplied()
    {
        var database = await target.NewDatabaseAsync();
        await using var store = Stores.Open(database);
        await store.MigrateAsync();
        await target.ExecuteAsync(database, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync());

        Assert.Contains("migration 1 (initial)", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteMigrationTests(SqliteTarget target) : MigrationTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresMigrationTests(PostgresTarget target) : MigrationTests(target), IClassFixture<PostgresTarget>;
