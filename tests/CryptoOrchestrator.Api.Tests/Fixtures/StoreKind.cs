namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>Which real database a node's store uses.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}
