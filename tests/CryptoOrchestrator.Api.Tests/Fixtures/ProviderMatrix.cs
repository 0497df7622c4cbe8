namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>Every store with every bus: {SQLite, PostgreSQL} × {in process, Redis}.</summary>
public static class ProviderMatrix
{
    public static TheoryData<StoreKind, BusKind> All => new()
    {
        { StoreKind.Sqlite, BusKind.InProcess },
        { StoreKind.Sqlite, BusKind.Redis },
        { StoreKind.Postgres, BusKind.InProcess },
        { StoreKind.Postgres, BusKind.Redis },
    };
}
