using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>Opens the store the <c>Storage</c> section names; a SQLite path is taken relative to the base directory.</summary>
internal static class StoreFactory
{
    public const string DefaultSqliteFile = "orchestrator.db";

    public static IStore Open(StorageSettings storage, RuntimeSettings runtime)
    {
        var provider = Enum.Parse<StoreProvider>(storage.Provider, ignoreCase: true);
        var connection = storage.ConnectionString;
        if (provider == StoreProvider.Sqlite && !connection.Contains('=', StringComparison.Ordinal))
        {
            connection = runtime.Resolve(string.IsNullOrWhiteSpace(connection) ? DefaultSqliteFile : connection);
        }

        return Stores.Open(new StoreOptions
        {
            Provider = provider,
            ConnectionString = connection,
            BusyTimeout = TimeSpan.FromMilliseconds(storage.BusyTimeoutMs),
            SqliteDurability = Enum.Parse<SqliteDurability>(storage.SqliteDurability, ignoreCase: true),
        });
    }
}
