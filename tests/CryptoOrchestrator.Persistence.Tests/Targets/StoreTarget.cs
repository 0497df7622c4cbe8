using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Persistence.Tests.Targets;

/// <summary>
/// One database provider under test. As a class fixture it gives the test class a migrated store on a database
/// of its own, and can make more empty databases for tests of migration itself; it removes them all afterwards.
/// </summary>
public abstract class StoreTarget : IAsyncLifetime
{
    private IStore? _store;

    public abstract StoreProvider Provider { get; }

    /// <summary>The class's migrated store.</summary>
    public IStore Store => _store ?? throw new InvalidOperationException("The fixture was not initialised.");

    /// <summary>Options naming a new, empty database.</summary>
    public abstract Task<StoreOptions> NewDatabaseAsync();

    /// <summary>Runs raw SQL on a database, bypassing the store: for tampering with what the store wrote.</summary>
    public abstract Task ExecuteAsync(StoreOptions database, string sql);

    /// <summary>Reads one value with raw SQL.</summary>
    public abstract Task<object?> ScalarAsync(StoreOptions database, string sql);

    public async Task InitializeAsync() => _store = await Stores.OpenAsync(await NewDatabaseAsync());

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await RemoveDatabasesAsync();
    }

    protected abstract Task RemoveDatabasesAsync();
}
