namespace CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

/// <summary>A diagnostic as a test asserts it: rule, file, and the exact code it points at.</summary>
public sealed record Finding(string Id, string File, string Code, string Message)
{
    /// <summary>"CO1001 DateTime.UtcNow": what most assertions compare.</summary>
    public override string ToString() => $"{Id} {Code}";
}
