namespace CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

/// <summary>What applying a code fix produced: its title, the new source, and what the analyzers still report on it.</summary>
public sealed record FixResult(string Title, string FixedSource, IReadOnlyList<Finding> RemainingFindings);
