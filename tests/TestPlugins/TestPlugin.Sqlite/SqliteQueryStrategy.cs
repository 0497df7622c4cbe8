using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Data.Sqlite;

namespace TestPlugins;

/// <summary>A strategy whose description is the answer of a query run by its private native SQLite library.</summary>
public sealed class SqliteQueryStrategy : IStrategy
{
    public PluginMetadata Metadata { get; } = new()
    {
        Id = "test-sqlite",
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.2.0, 1.0.0)",
        Description = Query("SELECT 'sqlite ' || sqlite_version() || ' says ' || (6 * 7)"),
    };

    public void Initialize(IStrategyContext context)
    {
    }

    public void OnBar(Instrument instrument, in Bar bar)
    {
    }

    private static string Query(string sql)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }
}
