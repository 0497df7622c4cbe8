using System.Security.Cryptography;
using System.Text;

namespace CryptoOrchestrator.Api.Security;

/// <summary>
/// Encrypts exchange API secrets for storage with AES-256-GCM under a key from configuration, so a
/// copy of the database alone reveals no secret. The record's id is bound in as associated data: a
/// ciphertext copied onto another record does not decrypt. Layout: version (1 byte) | nonce (12) |
/// tag (16) | ciphertext. A fresh random nonce per call keeps GCM safe for as many secrets as an
/// operator will ever store under one key.
/// </summary>
public sealed class SecretProtector
{
    /// <summary>The key length AES-256 needs, in bytes.</summary>
    public const int KeyLength = 32;

    private const byte FormatVersion = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 1 + NonceLength + TagLength;

    private readonly byte[] _key;

    /// <summary>A protector with a raw 256-bit key.</summary>
    public SecretProtector(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"The secret-encryption key must be {KeyLength} bytes (256 bits); got {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>
    /// A protector with the base64 key found in the setting <paramref name="settingName"/>; the errors name
    /// the setting, never the value.
    /// </summary>
    public static SecretProtector FromBase64(string? base64, string settingName)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new InvalidOperationException($"{settingName} is not set: it must hold a base64 key of {KeyLength} bytes (for example from `openssl rand -base64 32`).");
        }

        var key = new byte[KeyLength * 2];
        if (!Convert.TryFromBase64String(base64.Trim(), key, out var length) || length != KeyLength)
        {
            throw new InvalidOperationException($"{settingName} must be base64 for exactly {KeyLength} bytes.");
        }

        return new SecretProtector(key.AsSpan(0, length));
    }

    /// <summary>Encrypts <paramref name="secret"/> for the record <paramref name="recordId"/>.</summary>
    public byte[] Protect(string secret, string recordId)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        var plain = Encoding.UTF8.GetBytes(secret);
        var output = new byte[HeaderLength + plain.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagLength);
        aes.Encrypt(nonce, plain, output.AsSpan(HeaderLength), output.AsSpan(1 + NonceLength, TagLength), Encoding.UTF8.GetBytes(recordId));
        CryptographicOperations.ZeroMemory(plain);
        return output;
    }

    /// <summary>
    /// Decrypts what <see cref="Protect"/> wrote for <paramref name="recordId"/>. A wrong key, a tampered or
    /// truncated value, or a value of another record throws <see cref="SecretUnreadableException"/> naming the record.
    /// </summary>
    public string Unprotect(ReadOnlySpan<byte> protectedSecret, string recordId)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        if (protectedSecret.Length < HeaderLength || protectedSecret[0] != FormatVersion)
        {
            throw new SecretUnreadableException(recordId, "it is not a protected secret of a known format");
        }

        var cipher = protectedSecret[HeaderLength..];
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(_key, TagLength);
            aes.Decrypt(protectedSecret.Slice(1, NonceLength), cipher, protectedSecret.Slice(1 + NonceLength, TagLength), plain, Encoding.UTF8.GetBytes(recordId));
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new SecretUnreadableException(recordId, "the key differs from the one it was stored with, or the value was altered", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
