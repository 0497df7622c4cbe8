using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CryptoOrchestrator.Api.Security;

/// <summary>
/// API keys for automation: <c>co_PREFIX_SECRET</c>, a 10-character prefix that finds the record and 256
/// random bits. Keys are stored as SHA-256 hashes: with that much entropy a slow hash adds nothing, and a
/// fast one keeps every authenticated request cheap. Comparison is constant-time.
/// </summary>
public static class ApiKeys
{
    private const string Scheme = "co";
    private const int PrefixLength = 10;
    private const int SecretBytes = 32;
    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>Makes a new key.</summary>
    public static NewApiKey Create()
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var key = $"{Scheme}_{prefix}_{secret}";
        return new NewApiKey(key, prefix, Hash(key));
    }

    /// <summary>The prefix of a well-formed key; false for anything else, without saying why (it is untrusted input).</summary>
    public static bool TryGetPrefix(string? key, out string prefix)
    {
        prefix = "";
        if (key is null || key.Length < Scheme.Length + PrefixLength + 3 || !key.StartsWith(Scheme + "_", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key.AsSpan(Scheme.Length + 1);
        if (rest.Length <= PrefixLength + 1 || rest[PrefixLength] != '_')
        {
            return false;
        }

        prefix = rest[..PrefixLength].ToString();
        return true;
    }

    /// <summary>The hash stored for <paramref name="key"/>.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Whether <paramref name="key"/> is the key behind <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string key, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(storedHash);
        return HashMatches(Hash(key), storedHash);
    }

    /// <summary>Whether <paramref name="hash"/> (from <see cref="Hash"/>) is <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool HashMatches(string hash, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(storedHash);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(storedHash));
    }
}
