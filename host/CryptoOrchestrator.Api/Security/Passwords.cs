using Microsoft.AspNetCore.Identity;

namespace CryptoOrchestrator.Api.Security;

/// <summary>
/// Password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with
/// HMAC-SHA512, salted, iterated, versioned), so a stored hash can be upgraded when the defaults move.
/// </summary>
public static class Passwords
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumLength = 12;

    // The hasher ignores the user object; one shared instance is thread-safe.
    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>The hash to store for <paramref name="password"/>; throws naming the rule a weak one breaks.</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinimumLength)
        {
            throw new ArgumentException($"password: at least {MinimumLength} characters are required.", nameof(password));
        }

        return Hasher.HashPassword(string.Empty, password);
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="storedHash"/>, and whether to store a fresh hash.</summary>
    public static PasswordVerificationResult Verify(string storedHash, string password)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        ArgumentNullException.ThrowIfNull(password);
        try
        {
            return Hasher.VerifyHashedPassword(string.Empty, storedHash, password);
        }
        catch (FormatException)
        {
            // A damaged stored hash must read as a failed sign-in, never as a server error that hints at it.
            return PasswordVerificationResult.Failed;
        }
    }
}
