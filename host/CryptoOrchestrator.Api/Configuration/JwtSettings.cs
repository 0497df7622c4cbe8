namespace CryptoOrchestrator.Api.Configuration;

/// <summary>The <c>Api:Jwt</c> section.</summary>
public sealed class JwtSettings
{
    /// <summary>
    /// The HMAC-SHA256 key, base64 of at least 32 bytes; every node of one deployment shares it. When not set, the key in
    /// <c>jwt-signing.key</c> under <c>Api:KeysDirectory</c> is used, made on first start.
    /// </summary>
    public string SigningKey { get; set; } = "";

    /// <summary>The <c>iss</c> claim.</summary>
    public string Issuer { get; set; } = "cryptoorchestrator";

    /// <summary>The <c>aud</c> claim.</summary>
    public string Audience { get; set; } = "cryptoorchestrator-api";

    /// <summary>How long a token is valid, in minutes.</summary>
    public int LifetimeMinutes { get; set; } = 60;
}
