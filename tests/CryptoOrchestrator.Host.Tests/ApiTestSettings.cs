namespace CryptoOrchestrator.Host.Tests;

/// <summary>
/// The <c>Api</c> settings every <c>orchestrator run</c> in these tests needs: the two keys it refuses to start
/// without, and a free loopback port so hosts running side by side never collide.
/// </summary>
internal static class ApiTestSettings
{
    public static string Section { get; } = $$"""
        "Api": {
          "Urls": "http://127.0.0.1:0",
          "SecretsKey": "{{Convert.ToBase64String(new byte[32])}}",
          "Jwt": { "SigningKey": "{{Convert.ToBase64String(new byte[32])}}" }
        }
        """;
}
