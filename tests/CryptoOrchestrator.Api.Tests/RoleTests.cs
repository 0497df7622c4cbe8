using System.Net.Http.Json;
using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public class RoleTests
{
    /// <summary>One endpoint of each class and the least role it needs; none changes anything the others rely on.</summary>
    private static readonly (string Method, string Path, Role Needs)[] Endpoints =
    [
        ("GET", "/api/bots", Role.Viewer),
        ("GET", "/api/bots/none/orders", Role.Viewer),
        ("GET", "/api/plugins", Role.Viewer),
        ("GET", "/metrics", Role.Viewer),
        ("POST", "/api/bots/none/pause", Role.Trader),
        ("POST", "/api/bots/none/orders/1/cancel", Role.Trader),
        ("POST", "/api/backtests", Role.Trader),
        ("DELETE", "/api/bots/none", Role.Operator),
        ("POST", "/api/plugins/none/disable", Role.Operator),
        ("GET", "/api/users", Role.Admin),
        ("GET", "/api/exchange-accounts", Role.Admin),
        ("GET", "/api/audit", Role.Admin),
    ];

    [Fact]
    public async Task EveryEndpointClass_AllowsItsRoleAndAbove_RefusesBelowWith403_AndStrangersWith401()
    {
        await using var node = await ApiNode.StartAsync();
        using var anonymous = node.Anonymous();
        var clients = new Dictionary<Role, HttpClient>();
        foreach (var role in Enum.GetValues<Role>())
        {
            clients[role] = await node.UserAsync(role);
        }

        var failures = new List<string>();
        foreach (var (method, path, needs) in Endpoints)
        {
            var stranger = await SendAsync(anonymous, method, path);
            if (stranger != 401)
            {
                failures.Add($"{method} {path} anonymous: {stranger}, not 401");
            }

            foreach (var (role, client) in clients)
            {
                var status = await SendAsync(client, method, path);
                var allowed = status is not (401 or 403);
                if (allowed != (role >= needs) || (!allowed && status != 403))
                {
                    failures.Add($"{method} {path} as {role}: {status}, but it needs {needs}");
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task ApiKey_ActsWithTheLesserOfItsRoleAndItsUsers_InEitherHeader_UntilRevoked()
    {
        await using var node = await ApiNode.StartAsync();
        using var admin = await node.AdminAsync();
        var user = await admin.PostJsonAsync("/api/users", new { userName = "automation", password = "automation-password", role = "Operator" }, 201);
        var userId = user.GetProperty("id").GetString();
        var created = await admin.PostJsonAsync($"/api/users/{userId}/api-keys", new { name = "ci", role = "Trader" }, 201);
        var key = created.GetProperty("key").GetString()!;
        var keyId = created.GetProperty("apiKey").GetProperty("id").GetString();
        await admin.PostJsonAsync($"/api/users/{userId}/api-keys", new { name = "too-high", role = "Admin" }, 400);

        using var byScheme = node.Anonymous();
        byScheme.DefaultRequestHeaders.Authorization = new("ApiKey", key);
        using var byHeader = node.Anonymous();
        byHeader.DefaultRequestHeaders.Add("X-Api-Key", key);

        Assert.Equal(404, await SendAsync(byScheme, "POST", "/api/bots/none/pause"));
        Assert.Equal(403, await SendAsync(byScheme, "DELETE", "/api/bots/none"));
        Assert.Equal(200, await SendAsync(byHeader, "GET", "/api/bots"));
        Assert.Equal(204, (int)(await admin.DeleteAsync($"/api/users/{userId}/api-keys/{keyId}")).StatusCode);
        Assert.Equal(401, await SendAsync(byHeader, "GET", "/api/bots"));
    }

    [Fact]
    public async Task DisablingAUser_RefusesTheirTokenAtOnce_AndTheirSignIn()
    {
        await using var node = await ApiNode.StartAsync();
        using var admin = await node.AdminAsync();
        var user = await admin.PostJsonAsync("/api/users", new { userName = "leaver", password = "leaver-password-1", role = "Trader" }, 201);
        using var leaver = await node.SignInAsync("leaver", "leaver-password-1");
        Assert.Equal(200, await SendAsync(leaver, "GET", "/api/bots"));

        await admin.PostJsonAsync($"/api/users/{user.GetProperty("id").GetString()}/disable");

        Assert.Equal(401, await SendAsync(leaver, "GET", "/api/bots"));
        using var again = node.Anonymous();
        await (await again.PostAsJsonAsync("/api/auth/token", new { userName = "leaver", password = "leaver-password-1" })).ExpectAsync(401);
    }

    [Fact]
    public async Task ChangingARole_TakesEffectForTokensAlreadyIssued()
    {
        await using var node = await ApiNode.StartAsync();
        using var admin = await node.AdminAsync();
        var user = await admin.PostJsonAsync("/api/users", new { userName = "promoted", password = "promoted-password", role = "Viewer" }, 201);
        using var promoted = await node.SignInAsync("promoted", "promoted-password");
        Assert.Equal(403, await SendAsync(promoted, "POST", "/api/bots/none/pause"));

        await (await admin.PutAsJsonAsync($"/api/users/{user.GetProperty("id").GetString()}/role", new { role = "Trader" })).ExpectAsync(200);

        Assert.Equal(404, await SendAsync(promoted, "POST", "/api/bots/none/pause"));
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_Is401_WithoutSayingWhetherTheUserExists()
    {
        await using var node = await ApiNode.StartAsync();
        using var client = node.Anonymous();

        var wrong = await (await client.PostAsJsonAsync("/api/auth/token", new { userName = ApiNode.AdminUser, password = "not-the-password" })).ExpectAsync(401);
        var unknown = await (await client.PostAsJsonAsync("/api/auth/token", new { userName = "nobody-at-all", password = "not-the-password" })).ExpectAsync(401);

        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
    }

    internal static async Task<int> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }
}
