namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>The body of POST /api/auth/password: the caller's current password and the new one.</summary>
internal sealed record PasswordChange(string? CurrentPassword, string? NewPassword);
