namespace CryptoOrchestrator.Api.Security;

/// <summary>How the API issues and checks bearer tokens (configuration section <c>Security:Tokens</c>).</summary>
public sealed record TokenOptions
{
    /// <summary>The <c>iss</c> claim written and required.</summary>
    public string Issuer { get; init; } = "cryptoorchestrator";

    /// <summary>The <c>aud</c> claim written and required.</summary>
    public string Audience { get; init; } = "cryptoorchestrator-api";

    /// <summary>The HMAC-SHA256 signing key, base64, at least 32 bytes; every API node must share it.</summary>
    public string SigningKey { get; init; } = "";

    /// <summary>How long a token is valid.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Clock difference between nodes that is tolerated on expiry.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);
}
