using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>The body of POST /api/users.</summary>
internal sealed record NewUser(string? UserName, string? Password, Role? Role);
