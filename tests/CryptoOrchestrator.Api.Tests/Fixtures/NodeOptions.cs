namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>How to start an <see cref="ApiNode"/>.</summary>
public sealed record NodeOptions
{
    public StoreKind Store { get; init; } = StoreKind.Sqlite;

    public BusKind Bus { get; init; } = BusKind.InProcess;

    /// <summary>A PostgreSQL database shared with another node; a fresh one of the node's own when null.</summary>
    public string? SharedPostgres { get; init; }

    /// <summary>A SQLite file shared with a node before this one (a restart); a fresh one in the node's folder when null.</summary>
    public string? SqliteFile { get; init; }

    /// <summary>False for a node beside the one that runs the bots (<c>Bots:Run=false</c>): it serves the API and runs none.</summary>
    public bool RunsBots { get; init; } = true;

    /// <summary>Source plugins (folders of SourcePlugins) installed beside the SMA crossover, compiled by the plugin host.</summary>
    public IReadOnlyList<string> SourcePlugins { get; init; } = [];

    /// <summary>Restores the store's bots before serving, as <c>orchestrator run</c> does at start.</summary>
    public bool Restore { get; init; }

    /// <summary>The Redis key prefix, shared by nodes of one deployment; a fresh one when null.</summary>
    public string? RedisPrefix { get; init; }

    /// <summary>Events kept per bot for clients that resume.</summary>
    public int RetentionPerBot { get; init; } = 100_000;

    /// <summary>Settings on top of the defaults (keys such as <c>Api:RateLimits:PerCaller</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
