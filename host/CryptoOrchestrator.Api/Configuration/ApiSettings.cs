namespace CryptoOrchestrator.Api.Configuration;

/// <summary>The <c>Api</c> configuration section: where the API listens, its keys, its first admin and its limits.</summary>
public sealed class ApiSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api";

    /// <summary>Where Kestrel listens, ';'-separated (<c>http://127.0.0.1:5080</c>).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The base64 AES-256 key exchange secrets are encrypted with (32 bytes). When not set, the key in
    /// <c>secrets.key</c> under <see cref="KeysDirectory"/> is used, made on first start. Nodes sharing one store
    /// must share this key.
    /// </summary>
    public string SecretsKey { get; set; } = "";

    /// <summary>
    /// Where keys that are not configured are kept (made on first start, readable by the host's user only), and the
    /// first admin's password when <see cref="Bootstrap"/> is not set; relative to <c>Runtime:BaseDirectory</c>.
    /// </summary>
    public string KeysDirectory { get; set; } = "keys";

    /// <summary>Where backtests find their CSV files; relative to <c>Runtime:BaseDirectory</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Bearer tokens.</summary>
    public JwtSettings Jwt { get; set; } = new();

    /// <summary>The first admin, created when no user exists.</summary>
    public BootstrapSettings Bootstrap { get; set; } = new();

    /// <summary>
    /// How long a caller read from the store (a token's user, an API key and its user) is kept for its next requests,
    /// in milliseconds; 0 reads the store on every request. Changes made on this node apply at once; on other nodes
    /// within this time.
    /// </summary>
    public int CallerCacheMs { get; set; } = 2_000;

    /// <summary>Requests allowed per caller.</summary>
    public RateLimitSettings RateLimits { get; set; } = new();

    /// <summary>Background backtests.</summary>
    public BacktestSettings Backtests { get; set; } = new();
}
