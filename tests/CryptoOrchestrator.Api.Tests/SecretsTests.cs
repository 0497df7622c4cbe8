using System.Net.Http.Json;
using CryptoOrchestrator.Api.Security;
using CryptoOrchestrator.Api.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoOrchestrator.Api.Tests;

public class SecretsTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Secrets_PasswordsAndKeys_NeverAppearInAnyResponseOrLogLine(StoreKind store)
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions { Store = store });
        const string password = "Pa55word-of-the-operator";
        const string exchangeSecret = "EXCHANGE-SECRET-6f1d0c2b9a";
        const string wrongPassword = "wrong-Pa55word-typed";
        const string changedPassword = "changed-Pa55word-later";
        var bodies = new List<string>();
        async Task<string> Keep(HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync();
            bodies.Add($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {body}");
            return body;
        }

        using var admin = await node.AdminAsync();
        var adminToken = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        var user = await admin.PostJsonAsync("/api/users", new { userName = "operator-1", password, role = "Operator" }, 201);
        await Keep(await admin.PostAsJsonAsync("/api/users", new { userName = "operator-2", password = "short" }));
        var userId = user.GetProperty("id").GetString();
        bodies.Add(user.ToString());
        using var anonymous = node.Anonymous();
        await Keep(await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "operator-1", password = wrongPassword }));
        using var signedIn = await node.SignInAsync("operator-1", password);
        var userToken = signedIn.DefaultRequestHeaders.Authorization!.Parameter!;
        // A password change, refused (wrong current password) and then done: neither password may show anywhere.
        await Keep(await signedIn.PostAsJsonAsync("/api/auth/password", new { currentPassword = wrongPassword, newPassword = changedPassword }));
        await Keep(await signedIn.PostAsJsonAsync("/api/auth/password", new { currentPassword = password, newPassword = changedPassword }));

        // Shown once, in the answer that creates it; never again.
        var created = await admin.PostJsonAsync($"/api/users/{userId}/api-keys", new { name = "deploy" }, 201);
        var apiKey = created.GetProperty("key").GetString()!;
        using var byKey = node.Anonymous();
        byKey.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        await Keep(await byKey.GetAsync("/api/plugins"));
        using var badKey = node.Anonymous();
        badKey.DefaultRequestHeaders.Add("X-Api-Key", apiKey[..^3] + "xyz");
        await Keep(await badKey.GetAsync("/api/plugins"));

        var account = await (await admin.PostAsJsonAsync("/api/exchange-accounts", new { name = "binance-main", exchange = "binance", apiKey = "PUBLICKEY-1234567890", secret = exchangeSecret })).ExpectAsync(201);
        bodies.Add(account.ToString());
        var accountId = account.GetProperty("id").GetString();
        await Keep(await admin.PostAsJsonAsync("/api/exchange-accounts", new { name = "binance-main", exchange = "binance", apiKey = "PUBLICKEY-1234567890", secret = exchangeSecret }));
        await Keep(await admin.PostAsJsonAsync("/api/exchange-accounts", new { name = "", exchange = "binance", apiKey = "", secret = exchangeSecret }));
        foreach (var path in new[] { "/api/users", $"/api/users/{userId}/api-keys", "/api/exchange-accounts", $"/api/exchange-accounts/{accountId}", "/api/audit", "/metrics", "/api/bots" })
        {
            await Keep(await admin.GetAsync(path));
        }

        // A browser's WebSocket passes its token in the query string, which request logging would otherwise show.
        await admin.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("watched", bars: 50), 201);
        await using (var socket = await EventSocket.ConnectAsync(node, "watched", 0, userToken))
        {
            await admin.PostJsonAsync("/api/bots/watched/start");
            await socket.ReadUntilAsync(e => e.EndsRun);
            await socket.CloseAsync();
        }

        await using (var byQueryKey = await EventSocket.ConnectAsync(node, "watched", 0, apiKey))
        {
            Assert.NotNull(await byQueryKey.NextAsync());
            await byQueryKey.CloseAsync();
        }

        var stored = await node.Store.ExchangeAccounts.GetAsync(accountId!);
        var protector = node.Services.GetRequiredService<SecretProtector>();
        Assert.Equal(exchangeSecret, protector.Unprotect(stored!.EncryptedSecret, accountId!));
        Assert.DoesNotContain(exchangeSecret, System.Text.Encoding.UTF8.GetString(stored.EncryptedSecret), StringComparison.Ordinal);
        Assert.Equal("****7890", account.GetProperty("apiKeyHint").GetString());

        string[] secrets = [password, wrongPassword, changedPassword, exchangeSecret, apiKey, ApiNode.AdminPassword, adminToken, userToken, "PUBLICKEY-1234567890"];
        var logs = node.Logs.Lines;
        Assert.NotEmpty(logs);
        Assert.Contains(bodies, body => body.Contains("binance-main", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(bodies, body => body.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, line => line.Contains(secret, StringComparison.Ordinal));
        }

        // The key is in its one answer (by design) and nowhere else, stored only as a hash.
        Assert.Equal(ApiKeys.Hash(apiKey), (await node.Store.Users.FindApiKeyByPrefixAsync(created.GetProperty("apiKey").GetProperty("prefix").GetString()!))!.KeyHash);
    }
}
