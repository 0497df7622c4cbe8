namespace CryptoOrchestrator.Persistence;

/// <summary>Opens the configured store.</summary>
public static class Stores
{
    /// <summary>Opens (and for SQLite, creates) the database; call <see cref="IStore.MigrateAsync"/> before use.</summary>
    /// <exception cref="ArgumentException">The options name no provider or no connection string.</exception>
    public static IStore Open(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("StoreOptions.ConnectionString is empty.", nameof(options));
        }

        return options.Provider switch
        {
            StoreProvider.Sqlite => SqliteStore.Open(options),
            StoreProvider.Postgres => PostgresStore.Open(options),
            _ => throw new ArgumentException($"StoreOptions.Provider '{options.Provider}' is not Sqlite or Postgres.", nameof(options)),
        };
    }

    /// <summary>Opens the store and applies any missing migrations.</summary>
    public static async Task<IStore> OpenAsync(StoreOptions options, CancellationToken cancellation = default)
    {
        var store = Open(options);
        try
        {
            await store.MigrateAsync(cancellation).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
