using CryptoOrchestrator.Persistence;
using Microsoft.Data.Sqlite;

namespace CryptoOrchestrator.Persistence.Tests.Targets;

/// <summary>SQLite files in a temporary folder of the test class's own.</summary>
public sealed class SqliteTarget : StoreTarget
{
    private readonly string _folder = Directory.CreateTempSubdirectory("co-store-").FullName;

    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override Task<StoreOptions> NewDatabaseAsync() => Task.FromResult(new StoreOptions
    {
        Provider = StoreProvider.Sqlite,
        ConnectionString = Path.Combine(_folder, $"{Guid.NewGuid():N}.db"),
    });

    public override async Task ExecuteAsync(StoreOptions database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<object?> ScalarAsync(StoreOptions database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new SqliteCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    // Stores close their own connections and the raw ones here are unpooled, so nothing holds the files.
    protected override Task RemoveDatabasesAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<SqliteConnection> OpenAsync(StoreOptions database)
    {
        var connection = new SqliteConnection($"Data Source={database.ConnectionString};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
