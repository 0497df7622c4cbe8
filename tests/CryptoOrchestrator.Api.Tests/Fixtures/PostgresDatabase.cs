using Npgsql;

namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>A throwaway database on the test PostgreSQL server, dropped on dispose.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _name = $"co_api_{Guid.NewGuid():N}";

    private PostgresDatabase()
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase();
        await ExecuteOnServerAsync($"CREATE DATABASE {database._name}");
        return database;
    }

    public async ValueTask DisposeAsync() => await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var server = new NpgsqlConnection(TestServers.Postgres);
        await server.OpenAsync();
        await using var command = new NpgsqlCommand(sql, server);
        await command.ExecuteNonQueryAsync();
    }
}
