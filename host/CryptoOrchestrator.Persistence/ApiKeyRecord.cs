namespace CryptoOrchestrator.Persistence;

/// <summary>An API key for automation: found by its unique prefix, verified against its hash.</summary>
/// <param name="Id">The key's identifier.</param>
/// <param name="UserId">The user it acts for.</param>
/// <param name="Name">A label chosen by its owner.</param>
/// <param name="Prefix">The key's public, unique leading part, used to find it.</param>
/// <param name="KeyHash">The hash of the whole key; never the key.</param>
/// <param name="Role">What the key may do (at most its user's role; the caller enforces that).</param>
/// <param name="CreatedMs">When it was issued, Unix ms.</param>
/// <param name="RevokedMs">When it was revoked, Unix ms; null while it is valid.</param>
public sealed record ApiKeyRecord(string Id, string UserId, string Name, string Prefix, string KeyHash, Role Role, long CreatedMs, long? RevokedMs);
