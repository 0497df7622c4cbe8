using System.Security.Cryptography;
using CryptoOrchestrator.Api.Security;

namespace CryptoOrchestrator.Api.Tests.Security;

public class SecretProtectorTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(SecretProtector.KeyLength);

    [Fact]
    public void Protect_ThenUnprotect_GivesTheSecretBack_AndTheCiphertextHoldsNoTraceOfIt()
    {
        var protector = new SecretProtector(Key);

        var stored = protector.Protect(Secret, "account-1");

        Assert.Equal(Secret, protector.Unprotect(stored, "account-1"));
        Assert.DoesNotContain("EXAMPLEKEY", System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public void SameSecretTwice_GivesDifferentCiphertexts()
    {
        var protector = new SecretProtector(Key);

        Assert.NotEqual(protector.Protect(Secret, "a"), protector.Protect(Secret, "a"));
    }

    [Fact]
    public void CiphertextOfAnotherRecord_DoesNotDecrypt_AndTheErrorNamesTheRecordNotTheSecret()
    {
        var protector = new SecretProtector(Key);
        var stored = protector.Protect(Secret, "account-1");

        var error = Assert.Throws<SecretUnreadableException>(() => protector.Unprotect(stored, "account-2"));

        Assert.Equal("account-2", error.RecordId);
        Assert.Contains("'account-2'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherKey_OrAnAlteredByte_OrATruncatedValue_IsRefused()
    {
        var stored = new SecretProtector(Key).Protect(Secret, "account-1");
        var altered = (byte[])stored.Clone();
        altered[^1] ^= 1;

        Assert.Throws<SecretUnreadableException>(() => new SecretProtector(RandomNumberGenerator.GetBytes(32)).Unprotect(stored, "account-1"));
        Assert.Throws<SecretUnreadableException>(() => new SecretProtector(Key).Unprotect(altered, "account-1"));
        Assert.Throws<SecretUnreadableException>(() => new SecretProtector(Key).Unprotect(stored.AsSpan(0, 20), "account-1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("bm90IGEga2V5")]
    [InlineData("%%% not base64 %%%")]
    public void BadConfiguredKey_FailsNamingTheSetting_NeverEchoingTheValue(string? value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SecretProtector.FromBase64(value, "Security:SecretKey"));

        Assert.StartsWith("Security:SecretKey", error.Message, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(value))
        {
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ConfiguredKey_InBase64_Works()
    {
        var protector = SecretProtector.FromBase64(Convert.ToBase64String(Key), "Security:SecretKey");

        Assert.Equal(Secret, protector.Unprotect(new SecretProtector(Key).Protect(Secret, "x"), "x"));
    }
}
