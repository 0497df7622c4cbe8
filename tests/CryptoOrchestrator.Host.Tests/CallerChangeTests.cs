using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CryptoOrchestrator.Host.Tests;

/// <summary>
/// The API keeps callers it has read from the store for a while (Api:CallerCacheMs); a change an admin makes on
/// the node still applies to the very next request, for tokens and API keys alike.
/// </summary>
public partial class CallerChangeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RoleChange_Disable_AndRevoke_ApplyToTheNextRequest_ThoughTheCallerWasJustServed()
    {
        using var work = new TempDirectory();
        File.WriteAllText(work.File("settings.json"), $$"""
            {
              "Plugins": { "StatusFile": "state/plugin-status.json", "CacheDirectory": "cache", "Watch": false },
              "Api": {
                "Urls": "http://127.0.0.1:0",
                "SecretsKey": "{{Convert.ToBase64String(new byte[32])}}",
                "Jwt": { "SigningKey": "{{Convert.ToBase64String(Enumerable.Repeat((byte)3, 32).ToArray())}}" },
                "Bootstrap": { "AdminUser": "boss", "AdminPassword": "boss-password-123" },
                "CallerCacheMs": 600000
              },
              "Bots": { "Run": false }
            }
            """);
        using var host = RunningOrchestrator.Start(work.Path, "run", "--config", "settings.json");
        await host.WaitForOutput("Now listening on:", Patience);
        var address = new Uri(ListeningOn().Match(host.Output).Groups["url"].Value);
        using var admin = await SignedInAsync(address, "boss", "boss-password-123");
        var carol = await ReadAsync(await admin.PostAsJsonAsync("/api/users", new { userName = "carol", password = "carol-password-123", role = "Trader" }));
        var carolId = carol.GetProperty("id").GetString();
        var created = await ReadAsync(await admin.PostAsJsonAsync($"/api/users/{carolId}/api-keys", new { name = "automation" }));
        using var withKey = new HttpClient { BaseAddress = address, Timeout = Patience };
        withKey.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("key").GetString());
        using var withToken = await SignedInAsync(address, "carol", "carol-password-123");

        // Served as a trader, by key and by token: both are now kept.
        var traderByKey = await withKey.PostAsync("/api/bots/nobody/stop", null);
        var traderByToken = await withToken.PostAsync("/api/bots/nobody/stop", null);
        await admin.PutAsJsonAsync($"/api/users/{carolId}/role", new { role = "Viewer" });
        var viewerByKey = await withKey.PostAsync("/api/bots/nobody/stop", null);
        var viewerByToken = await withToken.PostAsync("/api/bots/nobody/stop", null);
        var readByToken = await withToken.GetAsync("/api/bots");
        await admin.PostAsync($"/api/users/{carolId}/disable", null);
        var disabledByToken = await withToken.GetAsync("/api/bots");
        var disabledByKey = await withKey.GetAsync("/api/bots");
        await admin.PostAsync($"/api/users/{carolId}/enable", null);
        var enabledByKey = await withKey.GetAsync("/api/bots");
        await admin.DeleteAsync($"/api/users/{carolId}/api-keys/{created.GetProperty("apiKey").GetProperty("id").GetString()}");
        var revokedKey = await withKey.GetAsync("/api/bots");
        var tokenAfterRevoke = await withToken.GetAsync("/api/bots");
        host.Terminate();
        await host.WaitForExit(Patience);

        Assert.Equal(HttpStatusCode.NotFound, traderByKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, traderByToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerByKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerByToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readByToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, disabledByToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, disabledByKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enabledByKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revokedKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tokenAfterRevoke.StatusCode);
    }

    private static async Task<HttpClient> SignedInAsync(Uri address, string userName, string password)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = Patience };
        var token = await ReadAsync(await client.PostAsJsonAsync("/api/auth/token", new { userName, password }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningOn();
}
