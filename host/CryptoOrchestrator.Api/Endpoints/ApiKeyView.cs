using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>An API key as listed: its public prefix, never the key or its hash.</summary>
internal sealed record ApiKeyView(string Id, string UserId, string Name, string Prefix, Role Role, long CreatedMs, long? RevokedMs)
{
    public static ApiKeyView Of(ApiKeyRecord key) => new(key.Id, key.UserId, key.Name, key.Prefix, key.Role, key.CreatedMs, key.RevokedMs);
}
