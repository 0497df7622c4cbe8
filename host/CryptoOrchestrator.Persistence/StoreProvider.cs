namespace CryptoOrchestrator.Persistence;

/// <summary>Which database a store uses.</summary>
public enum StoreProvider
{
    /// <summary>One SQLite file: the embedded default, no server needed.</summary>
    Sqlite = 1,

    /// <summary>A PostgreSQL database, shared by several host nodes.</summary>
    Postgres = 2,
}
