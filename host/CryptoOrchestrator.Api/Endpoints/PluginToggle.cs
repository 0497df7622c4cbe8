namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>The body of POST /api/plugins/{id}/disable (optional): why.</summary>
internal sealed record PluginToggle(string? Reason);
