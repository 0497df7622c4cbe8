namespace CryptoOrchestrator.Host.Cli;

/// <summary>A command-line value that cannot be used; the message says which option and why.</summary>
internal sealed class UsageException(string message) : Exception(message);
