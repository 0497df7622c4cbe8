using System.Buffers.Text;
using System.Security.Cryptography;
using CryptoOrchestrator.Api.Security;

namespace CryptoOrchestrator.Api.Tests.Security;

public class TokenIssuerTests
{
    private static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    private TokenIssuer Issuer(string? key = null, string audience = "cryptoorchestrator-api") =>
        new(new TokenOptions { SigningKey = key ?? SigningKey, Audience = audience, Lifetime = TimeSpan.FromMinutes(15) }, _clock);

    [Fact]
    public async Task IssuedToken_Validates_ToTheSameUserAndRole()
    {
        var token = Issuer().Issue("u-1", "alice", "Trader");

        var identity = await Issuer().ValidateAsync(token);

        Assert.Equal(new TokenIdentity("u-1", "alice", "Trader", _clock.GetUtcNow().AddMinutes(15)), identity);
    }

    [Fact]
    public async Task Token_Expires_AfterItsLifetimeAndTheAllowedSkew()
    {
        var token = Issuer().Issue("u-1", "alice", "Viewer");

        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(29));
        Assert.NotNull(await Issuer().ValidateAsync(token));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await Issuer().ValidateAsync(token));
    }

    [Fact]
    public async Task ForgedOrForeignTokens_AreRefused()
    {
        var token = Issuer().Issue("u-1", "alice", "Viewer");
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        var elevated = parts[0] + "." + Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload.Replace("Viewer", "Admin", StringComparison.Ordinal))) + "." + parts[2];

        Assert.Null(await Issuer(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).ValidateAsync(token));
        Assert.Null(await Issuer(audience: "another-api").ValidateAsync(token));
        Assert.Null(await Issuer().ValidateAsync(elevated));
        Assert.Null(await Issuer().ValidateAsync("not.a.token"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    public void ShortOrMissingSigningKey_FailsNamingTheSetting(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Issuer(key));

        Assert.Contains("Security:Tokens:SigningKey", error.Message, StringComparison.Ordinal);
    }
}
