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
    public void Run_WithoutTheApiKeys_ExitsTwo_NamingEachKey()
    {
        using var work = new TempDirectory();
        File.WriteAllText(work.File("settings.json"), """{ "Api": { "Urls": "http://127.0.0.1:0", "Jwt": { "SigningKey": "c2hvcnQ=" }, "RateLimits": { "PerCaller": 0 } } }""");

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "run", "--config", "settings.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("Api:Jwt:SigningKey: must be base64 of at least 32 bytes", errors, StringComparison.Ordinal);
        Assert.Contains("Api:SecretsKey: must be base64 of exactly 32 bytes", errors, StringComparison.Ordinal);
        Assert.Contains("Api:RateLimits:PerCaller: must be at least 1", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQ=", errors, StringComparison.Ordinal);
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
