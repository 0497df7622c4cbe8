namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>Which event bus a node uses.</summary>
public enum BusKind
{
    InProcess,
    Redis,
}
