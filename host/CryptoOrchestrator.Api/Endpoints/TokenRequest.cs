namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>The body of POST /api/auth/token.</summary>
internal sealed record TokenRequest(string? UserName, string? Password);
