using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>A bearer token: send it as <c>Authorization: Bearer …</c> until <see cref="ExpiresAt"/>.</summary>
internal sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, Role Role);
