using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CryptoOrchestrator.Api.Security;

/// <summary>
/// Issues and validates the API's JWT bearer tokens (HS256) with Microsoft.IdentityModel.JsonWebTokens.
/// Symmetric signing keeps several API nodes interchangeable with one shared key and no key server.
/// </summary>
public sealed class TokenIssuer
{
    internal const int MinimumKeyBytes = 32;
    private const string RoleClaim = "role";
    private const string NameClaim = "name";

    private readonly TokenOptions _options;
    private readonly TimeProvider _time;
    private readonly SymmetricSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Checks the options; a missing or short key fails naming the setting.</summary>
    public TokenIssuer(TokenOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var key = new byte[Math.Max(options.SigningKey.Length, MinimumKeyBytes)];
        if (!Convert.TryFromBase64String(options.SigningKey, key, out var length) || length < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"Security:Tokens:SigningKey must be base64 for at least {MinimumKeyBytes} bytes.");
        }

        if (options.Lifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Security:Tokens:Lifetime must be positive.");
        }

        _options = options;
        _time = time;
        _key = new SymmetricSecurityKey(key.AsSpan(0, length).ToArray());
    }

    /// <summary>A signed token for the user, valid for <see cref="TokenOptions.Lifetime"/> from now.</summary>
    public string Issue(string userId, string userName, string role)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(role);
        var now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.Lifetime,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId), new Claim(NameClaim, userName), new Claim(RoleClaim, role)]),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The identity behind <paramref name="token"/>, or null when it is malformed, forged, expired or for another audience.</summary>
    public async Task<TokenIdentity?> ValidateAsync(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = _options.ClockSkew,
            LifetimeValidator = IsWithinLifetime,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        }).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken)
        {
            return null;
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        return jwt.TryGetPayloadValue<string>(NameClaim, out var name) && jwt.TryGetPayloadValue<string>(RoleClaim, out var role)
            ? new TokenIdentity(jwt.Subject, name, role, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero))
            : null;
    }

    /// <summary>Expiry judged by the injected clock, so every node and every test agrees on "now".</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } end && now <= end + _options.ClockSkew && (notBefore is not { } start || start - _options.ClockSkew <= now);
    }
}
