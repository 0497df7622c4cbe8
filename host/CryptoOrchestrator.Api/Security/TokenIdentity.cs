namespace CryptoOrchestrator.Api.Security;

/// <summary>Who a valid token speaks for.</summary>
/// <param name="UserId">The user's id (<c>sub</c>).</param>
/// <param name="UserName">The user's name.</param>
/// <param name="Role">The user's role when the token was issued.</param>
/// <param name="Expires">When the token stops being valid.</param>
public sealed record TokenIdentity(string UserId, string UserName, string Role, DateTimeOffset Expires);
