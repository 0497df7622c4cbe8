using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>The body of PUT /api/users/{id}/role.</summary>
internal sealed record RoleChange(Role? Role);
