using CryptoOrchestrator.Persistence.Migrations;
using CryptoOrchestrator.Persistence.Sql;

namespace CryptoOrchestrator.Persistence;

/// <summary>
/// The store over a SQL database. Both providers share its repositories and their SQL; what differs between
/// them (connections, decimals, locks, error codes) lives in the provider's <see cref="SqlDatabase"/>.
/// </summary>
public abstract class SqlStore : IStore
{
    private readonly SqlDatabase _database;

    private protected SqlStore(SqlDatabase database)
    {
        _database = database;
        var fills = new SqlFillRepository(database);
        Bots = new SqlBotRepository(database);
        Orders = new SqlOrderJournal(database, fills);
        Fills = fills;
        Positions = new SqlPositionRepository(database);
        Equity = new SqlEquityRepository(database);
        PluginState = new SqlPluginStateRepository(database);
        Users = new SqlUserRepository(database);
        ExchangeAccounts = new SqlExchangeAccountRepository(database);
        Audit = new SqlAuditLog(database);
        Events = new SqlBotEventLog(database);
        Checkpoints = new SqlCheckpointRepository(database, fills);
    }

    /// <inheritdoc/>
    public StoreProvider Provider => _database.Provider;

    /// <inheritdoc/>
    public IBotRepository Bots { get; }

    /// <inheritdoc/>
    public IOrderJournal Orders { get; }

    /// <inheritdoc/>
    public IFillRepository Fills { get; }

    /// <inheritdoc/>
    public IPositionRepository Positions { get; }

    /// <inheritdoc/>
    public IEquityRepository Equity { get; }

    /// <inheritdoc/>
    public IPluginStateRepository PluginState { get; }

    /// <inheritdoc/>
    public IUserRepository Users { get; }

    /// <inheritdoc/>
    public IExchangeAccountRepository ExchangeAccounts { get; }

    /// <inheritdoc/>
    public IAuditLog Audit { get; }

    /// <inheritdoc/>
    public IBotEventLog Events { get; }

    /// <inheritdoc/>
    public ICheckpointRepository Checkpoints { get; }

    /// <inheritdoc/>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellation = default) =>
        new MigrationRunner(_database, TimeProvider.System).RunAsync(cancellation);

    /// <summary>Closes the store's pooled connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
