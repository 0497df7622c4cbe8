namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>A new API key: <see cref="Key"/> is shown this once and never again (only its hash is stored).</summary>
internal sealed record CreatedApiKey(ApiKeyView ApiKey, string Key);
