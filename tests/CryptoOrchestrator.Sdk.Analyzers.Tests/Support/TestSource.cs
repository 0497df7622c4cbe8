namespace CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

/// <summary>One C# file of a snippet compilation.</summary>
public sealed record TestSource(string Path, string Text);
