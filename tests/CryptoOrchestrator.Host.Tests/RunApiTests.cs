using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CryptoOrchestrator.Host.Tests;

/// <summary><c>orchestrator run</c> as a web host: the API on Kestrel over the same configuration as the bots.</summary>
public partial class RunApiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_ServesTheApi_WithTheBootstrappedAdmin_AndWithBotsRunFalse_RunsNone(bool runBots)
    {
        using var work = new TempDirectory();
        File.WriteAllText(work.File("settings.json"), Settings(runBots));
        using var host = RunningOrchestrator.Start(work.Path, "run", "--config", "settings.json");
        await host.WaitForOutput("Now listening on:", Patience);
        await host.WaitForOutput(runBots ? "Bot steady Running" : "Bots:Run is false: this node serves the API and runs no bots", Patience);
        using var client = new HttpClient { BaseAddress = new Uri(ListeningOn().Match(host.Output).Groups["url"].Value), Timeout = Patience };

        var alive = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");
        var token = await client.PostAsJsonAsync("/api/auth/token", new { userName = "boss", password = "boss-password-123" });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString());
        var bots = JsonDocument.Parse(await client.GetStringAsync("/api/bots")).RootElement;
        // A node that runs no bots creates none (its bot would trade beside the runner's, unknown to it).
        var created = await client.PostAsJsonAsync("/api/bots", new { id = "extra", strategies = new[] { new { pluginId = "momentum" } }, instruments = new[] { "BTCUSDT" } });
        host.Terminate();
        var exitCode = await host.WaitForExit(Patience);

        Assert.Equal(200, (int)alive.StatusCode);
        Assert.Equal(200, (int)ready.StatusCode);
        Assert.Equal(runBots ? ["steady"] : [], bots.EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Equal(runBots ? 201 : 409, (int)created.StatusCode);
        Assert.True(exitCode == 0, $"exit {exitCode}\n{host.Output}\n{host.Errors}");
        Assert.DoesNotContain("boss-password-123", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithMalformedApiKeys_ExitsTwo_NamingEachKey_AndMakesNoKeyFiles()
    {
        using var work = new TempDirectory();
        File.WriteAllText(work.File("settings.json"), """{ "Api": { "Urls": "http://127.0.0.1:0", "SecretsKey": "c2hvcnQ=", "Jwt": { "SigningKey": "c2hvcnQ=" }, "RateLimits": { "PerCaller": 0 } } }""");

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "run", "--config", "settings.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("Api:Jwt:SigningKey: must be base64 of at least 32 bytes", errors, StringComparison.Ordinal);
        Assert.Contains("Api:SecretsKey: must be base64 of exactly 32 bytes", errors, StringComparison.Ordinal);
        Assert.Contains("Api:RateLimits:PerCaller: must be at least 1", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQ=", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(work.File("keys")), "configured keys, even malformed ones, are never replaced by key files");
    }

    [Fact]
    public async Task Run_WithNoApiKeysOrAdmin_MakesOwnerOnlyKeyFilesAndAFirstAdmin_WhoseTokenOutlivesARestart()
    {
        using var work = new TempDirectory();
        File.WriteAllText(work.File("settings.json"), """
            { "Plugins": { "StatusFile": "state/plugin-status.json", "CacheDirectory": "cache", "Watch": false }, "Api": { "Urls": "http://127.0.0.1:0" } }
            """);
        string token;
        string password;
        using (var first = RunningOrchestrator.Start(work.Path, "run", "--config", "settings.json"))
        {
            await first.WaitForOutput("Now listening on:", Patience);
            password = File.ReadAllText(work.File("keys/initial-admin-password"));
            using var client = ClientOf(first);
            token = await SignInAsync(client, "admin", password);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var change = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = password, newPassword = "a-new-long-password" });
            Assert.Equal(204, (int)change.StatusCode);
            first.Terminate();
            Assert.Equal(0, await first.WaitForExit(Patience));
            Assert.DoesNotContain(password, first.Output + first.Errors, StringComparison.Ordinal);
            Assert.Contains("keys/initial-admin-password", first.Output, StringComparison.Ordinal);
        }

        var keys = new[] { "secrets.key", "jwt-signing.key", "initial-admin-password" }.ToDictionary(name => name, name => File.ReadAllText(work.File($"keys/{name}")));
        using var second = RunningOrchestrator.Start(work.Path, "run", "--config", "settings.json");
        await second.WaitForOutput("Now listening on:", Patience);
        using var again = ClientOf(second);
        again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var withOldToken = await again.GetAsync("/api/bots");
        again.DefaultRequestHeaders.Authorization = null;
        var withOldPassword = await again.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password });
        var withNewPassword = await again.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "a-new-long-password" });
        second.Terminate();
        await second.WaitForExit(Patience);

        Assert.Equal(200, (int)withOldToken.StatusCode);
        Assert.Equal(401, (int)withOldPassword.StatusCode);
        Assert.Equal(200, (int)withNewPassword.StatusCode);
        foreach (var (name, text) in keys)
        {
            Assert.Equal(text, File.ReadAllText(work.File($"keys/{name}")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(work.File($"keys/{name}")));
            }
        }

        Assert.Equal(32, Convert.FromBase64String(keys["secrets.key"]).Length);
    }

    private static HttpClient ClientOf(RunningOrchestrator host) =>
        new() { BaseAddress = new Uri(ListeningOn().Match(host.Output).Groups["url"].Value), Timeout = Patience };

    private static async Task<string> SignInAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in as {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!;
    }

    private static string Settings(bool runBots) => $$"""
        {
          "Plugins": { "StatusFile": "state/plugin-status.json", "CacheDirectory": "cache", "Watch": false },
          "Api": {
            "Urls": "http://127.0.0.1:0",
            "SecretsKey": "{{Convert.ToBase64String(new byte[32])}}",
            "Jwt": { "SigningKey": "{{Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray())}}" },
            "Bootstrap": { "AdminUser": "boss", "AdminPassword": "boss-password-123" }
          },
          "Bots": {
            "Run": {{(runBots ? "true" : "false")}},
            "0": {
              "Id": "steady",
              "Strategies": [ { "PluginId": "momentum" } ],
              "Instruments": [ "BTCUSDT" ],
              "Feed": { "Kind": "Synthetic", "Speed": "60", "Interval": "1m" }
            }
          }
        }
        """;

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningOn();
}
