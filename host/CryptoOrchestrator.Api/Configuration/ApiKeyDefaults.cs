using CryptoOrchestrator.Api.Security;

namespace CryptoOrchestrator.Api.Configuration;

/// <summary>
/// Fills the keys an operator did not configure from key files (made on first start), so the embedded default
/// starts with no settings at all and keeps its keys across restarts. Configured keys always win, and are then
/// checked as they are: a malformed configured key is an error, never silently replaced.
/// </summary>
internal static class ApiKeyDefaults
{
    public const string SecretsKeyFile = "secrets.key";
    public const string SigningKeyFile = "jwt-signing.key";

    public static void Apply(ApiSettings settings, string baseDirectory)
    {
        settings.KeysDirectory = Path.GetFullPath(settings.KeysDirectory, baseDirectory);
        if (string.IsNullOrWhiteSpace(settings.SecretsKey))
        {
            settings.SecretsKey = KeyFiles.ReadOrCreate(settings.KeysDirectory, SecretsKeyFile, SecretProtector.KeyLength);
        }

        if (string.IsNullOrWhiteSpace(settings.Jwt.SigningKey))
        {
            settings.Jwt.SigningKey = KeyFiles.ReadOrCreate(settings.KeysDirectory, SigningKeyFile, TokenIssuer.MinimumKeyBytes);
        }
    }
}
