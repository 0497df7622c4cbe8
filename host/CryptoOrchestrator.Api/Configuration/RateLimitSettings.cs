namespace CryptoOrchestrator.Api.Configuration;

/// <summary>The <c>Api:RateLimits</c> section: fixed windows of <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitSettings
{
    /// <summary>The window's length in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests per window of one user or API key.</summary>
    public int PerCaller { get; set; } = 6_000;

    /// <summary>Requests per window of one IP address without credentials.</summary>
    public int PerAnonymousIp { get; set; } = 600;

    /// <summary>Sign-in attempts per window of one IP address (POST /api/auth/token).</summary>
    public int TokenPerIp { get; set; } = 10;
}
