using CryptoOrchestrator.Persistence.Sqlite;

namespace CryptoOrchestrator.Persistence;

/// <summary>The embedded default: everything in one SQLite file (WAL, busy timeout, foreign keys on); no server needed.</summary>
public sealed class SqliteStore : SqlStore
{
    private SqliteStore(SqliteDatabase database)
        : base(database)
    {
        FilePath = database.DataSource;
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>Opens the file, creating it when missing, in WAL mode.</summary>
    /// <param name="options">A file path or Microsoft.Data.Sqlite connection string in <see cref="StoreOptions.ConnectionString"/>.</param>
    public static SqliteStore Open(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SqliteStore(SqliteDatabase.Open(options));
    }
}
