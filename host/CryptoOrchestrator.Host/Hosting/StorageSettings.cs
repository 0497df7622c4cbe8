namespace CryptoOrchestrator.Host.Hosting;

/// <summary>The <c>Storage</c> section: where the host keeps bots, orders, fills and everything else.</summary>
internal sealed class StorageSettings
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (the default: one file, no server) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// SQLite: a file path (relative to <c>Runtime:BaseDirectory</c>) or a Microsoft.Data.Sqlite connection string;
    /// <c>orchestrator.db</c> there when empty. PostgreSQL: an Npgsql connection string, required.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// SQLite: <c>PowerLoss</c> (the default: each commit fsynced) or <c>ProcessCrash</c> (no fsync per commit: survives a
    /// killed host, not a power cut). The gain is the disk's fsync time on every order; docs/performance.md has figures.
    /// </summary>
    public string SqliteDurability { get; set; } = nameof(Persistence.SqliteDurability.PowerLoss);

    /// <summary>How long a SQLite writer waits for the file lock before failing.</summary>
    public int BusyTimeoutMs { get; set; } = 10_000;

    /// <summary>Time steps after which a bot commits its progress even with no order to send.</summary>
    public int CheckpointEverySteps { get; set; } = 1_000;

    /// <summary>Milliseconds after which a bot commits its progress, at the end of the next step, even with no order to send.</summary>
    public int CheckpointIntervalMs { get; set; } = 1_000;
}
