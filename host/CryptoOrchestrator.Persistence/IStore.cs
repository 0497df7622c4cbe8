namespace CryptoOrchestrator.Persistence;

/// <summary>
/// Everything the host keeps: one database (SQLite or PostgreSQL) behind one set of repositories.
/// Every method is safe to call concurrently; each write commits before it returns.
/// </summary>
public interface IStore : IAsyncDisposable
{
    /// <summary>Which database this store uses.</summary>
    StoreProvider Provider { get; }

    /// <summary>
    /// Applies the schema migrations the database lacks, each in its own transaction, and returns the versions
    /// applied by this call (empty when the schema was already current). Safe to run on several nodes at once.
    /// </summary>
    Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellation = default);

    /// <summary>Bots and their configuration.</summary>
    IBotRepository Bots { get; }

    /// <summary>Orders, journaled before they are sent, and every state change.</summary>
    IOrderJournal Orders { get; }

    /// <summary>Fills, stored once each.</summary>
    IFillRepository Fills { get; }

    /// <summary>Positions per bot and instrument.</summary>
    IPositionRepository Positions { get; }

    /// <summary>Equity snapshots over time.</summary>
    IEquityRepository Equity { get; }

    /// <summary>The latest saved state of each plugin in each bot.</summary>
    IPluginStateRepository PluginState { get; }

    /// <summary>Users and API keys.</summary>
    IUserRepository Users { get; }

    /// <summary>Exchange accounts; secrets are stored only as the caller's ciphertext.</summary>
    IExchangeAccountRepository ExchangeAccounts { get; }

    /// <summary>The audit log of operator actions.</summary>
    IAuditLog Audit { get; }

    /// <summary>Per-bot numbered events, for clients that resume after a sequence.</summary>
    IBotEventLog Events { get; }

    /// <summary>Running bots' progress, committed in one transaction per checkpoint.</summary>
    ICheckpointRepository Checkpoints { get; }
}
