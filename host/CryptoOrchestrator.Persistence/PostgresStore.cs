using CryptoOrchestrator.Persistence.Postgres;

namespace CryptoOrchestrator.Persistence;

/// <summary>A PostgreSQL database that several host nodes share; migrations serialise on an advisory lock.</summary>
public sealed class PostgresStore : SqlStore
{
    private PostgresStore(PostgresDatabase database)
        : base(database)
    {
    }

    /// <summary>Prepares a connection pool; nothing connects until the first call.</summary>
    /// <param name="options">An Npgsql connection string in <see cref="StoreOptions.ConnectionString"/>.</param>
    public static PostgresStore Open(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PostgresStore(PostgresDatabase.Open(options));
    }
}
