using CryptoOrchestrator.Persistence;
using Npgsql;

namespace CryptoOrchestrator.Persistence.Tests.Targets;

/// <summary>
/// Databases created on the real PostgreSQL server that tests/run.sh starts and names in CO_TEST_POSTGRES,
/// one per test class (plus any a test asks for), dropped afterwards.
/// </summary>
public sealed class PostgresTarget : StoreTarget
{
    private const string Variable = "CO_TEST_POSTGRES";

    private readonly List<string> _databases = [];

    public override StoreProvider Provider => StoreProvider.Postgres;

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL store cannot be tested. Run the tests with `bash tests/run.sh`, " +
                "or start the servers first: eval \"$(bash tests/servers.sh start)\".");

    public override async Task<StoreOptions> NewDatabaseAsync()
    {
        var name = $"co_{Guid.NewGuid():N}";
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", server);
            await create.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = ConnectionString(name) };
    }

    public override async Task ExecuteAsync(StoreOptions database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<object?> ScalarAsync(StoreOptions database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    protected override async Task RemoveDatabasesAsync()
    {
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    private static async Task<NpgsqlConnection> OpenAsync(StoreOptions database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
