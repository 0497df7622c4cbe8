namespace CryptoOrchestrator.Persistence;

/// <summary>A user who signs in with a password. User names are unique regardless of letter case.</summary>
/// <param name="Id">The user's identifier.</param>
/// <param name="UserName">The sign-in name.</param>
/// <param name="PasswordHash">The password's hash, as the caller's hasher produced it; never the password.</param>
/// <param name="Role">What the user may do.</param>
/// <param name="CreatedMs">When the user was created, Unix ms.</param>
/// <param name="Disabled">Whether sign-in is refused.</param>
public sealed record UserRecord(string Id, string UserName, string PasswordHash, Role Role, long CreatedMs, bool Disabled);
