using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>The body of POST /api/users/{id}/api-keys: a label and, optionally, a role below the user's.</summary>
internal sealed record NewApiKeyRequest(string? Name, Role? Role);
