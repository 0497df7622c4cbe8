using CryptoOrchestrator.Persistence;
using Npgsql;

namespace CryptoOrchestrator.Runtime.Tests.Durability;

/// <summary>Empty, migrated stores: a SQLite file in a temporary folder, or a new database on the test PostgreSQL server.</summary>
internal static class TestStores
{
    private const string PostgresVariable = "CO_TEST_POSTGRES";

    public static async Task<IStore> OpenAsync(StoreProvider provider, string folder) =>
        await Stores.OpenAsync(await NewDatabaseAsync(provider, folder));

    /// <summary>Options naming a new, empty database (not yet migrated).</summary>
    public static async Task<StoreOptions> NewDatabaseAsync(StoreProvider provider, string folder) => provider == StoreProvider.Sqlite
        ? new StoreOptions { Provider = provider, ConnectionString = Path.Combine(folder, $"{Guid.NewGuid():N}.db") }
        : new StoreOptions { Provider = provider, ConnectionString = await NewPostgresDatabaseAsync() };

    private static async Task<string> NewPostgresDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL store cannot be tested. Run the tests with `bash tests/run.sh`, " +
                "or start the servers first: eval \"$(bash tests/servers.sh start)\".");
        var name = $"co_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
