using CryptoOrchestrator.Api.Security;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Api.Configuration;

/// <summary>Checks the <c>Api</c> section at start; each failure names its key and never repeats a key's value.</summary>
internal sealed class ApiSettingsValidator : IValidateOptions<ApiSettings>
{
    public ValidateOptionsResult Validate(string? name, ApiSettings options)
    {
        var failures = new List<string>();
        void Check(bool ok, string key, string message)
        {
            if (!ok)
            {
                failures.Add($"{ApiSettings.Section}:{key}: {message}");
            }
        }

        Check(!string.IsNullOrWhiteSpace(options.Urls), nameof(options.Urls), "at least one URL to listen on is required");
        Check(Base64Length(options.Jwt.SigningKey) >= TokenIssuer.MinimumKeyBytes, "Jwt:SigningKey", $"must be base64 of at least {TokenIssuer.MinimumKeyBytes} bytes (for example from `openssl rand -base64 32`)");
        Check(Base64Length(options.SecretsKey) == SecretProtector.KeyLength, nameof(options.SecretsKey), $"must be base64 of exactly {SecretProtector.KeyLength} bytes (for example from `openssl rand -base64 32`)");
        Check(options.Jwt.LifetimeMinutes >= 1, "Jwt:LifetimeMinutes", "must be at least 1");
        var user = options.Bootstrap.AdminUser;
        var password = options.Bootstrap.AdminPassword;
        Check(string.IsNullOrEmpty(user) == string.IsNullOrEmpty(password), "Bootstrap", "AdminUser and AdminPassword are set together or not at all");
        Check(string.IsNullOrEmpty(password) || password.Length >= Passwords.MinimumLength, "Bootstrap:AdminPassword", $"at least {Passwords.MinimumLength} characters are required");
        Check(options.CallerCacheMs >= 0, nameof(options.CallerCacheMs), "must be 0 (off) or more");
        Check(options.RateLimits.WindowSeconds >= 1, "RateLimits:WindowSeconds", "must be at least 1");
        Check(options.RateLimits.PerCaller >= 1, "RateLimits:PerCaller", "must be at least 1");
        Check(options.RateLimits.PerAnonymousIp >= 1, "RateLimits:PerAnonymousIp", "must be at least 1");
        Check(options.RateLimits.TokenPerIp >= 1, "RateLimits:TokenPerIp", "must be at least 1");
        Check(options.Backtests.MaxConcurrent >= 1, "Backtests:MaxConcurrent", "must be at least 1");
        Check(options.Backtests.Retained >= 1, "Backtests:Retained", "must be at least 1");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static int Base64Length(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var length) ? length : 0;
    }
}
