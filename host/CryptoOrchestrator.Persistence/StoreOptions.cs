namespace CryptoOrchestrator.Persistence;

/// <summary>How to open the store: which provider, where, and how long a SQLite writer waits (the host fills it from its <c>Storage</c> settings).</summary>
public sealed class StoreOptions
{
    /// <summary>The database; SQLite unless configured.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// For SQLite a file path or a Microsoft.Data.Sqlite connection string ("Data Source=orchestrator.db");
    /// for PostgreSQL an Npgsql connection string ("Host=…;Database=…;Username=…").
    /// </summary>
    public string ConnectionString { get; set; } = "orchestrator.db";

    /// <summary>How long a SQLite write waits for another connection's write to finish before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>SQLite only: what a commit survives once it returns; <see cref="SqliteDurability.PowerLoss"/> unless configured.</summary>
    public SqliteDurability SqliteDurability { get; set; } = SqliteDurability.PowerLoss;
}
