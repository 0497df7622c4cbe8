using System.Net.Http.Json;
using System.Text;
using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public class ProblemDetailsTests
{
    [Fact]
    public async Task RefusedBotDefinition_Is400ProblemDetails_WithErrorsKeyedByEveryFieldAtFault()
    {
        await using var node = await ApiNode.StartAsync();
        using var trader = await node.UserAsync(Role.Trader);

        var response = await trader.PostAsJsonAsync("/api/bots", new
        {
            id = "bad",
            strategies = new[] { new { pluginId = "no-such-plugin" } },
            instruments = new[] { "BTCUSDT" },
            sizing = "all-in",
        });
        var problem = await response.ExpectAsync(400);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.Contains("no strategy 'no-such-plugin' is installed", errors.GetProperty("strategies[0].pluginId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'all-in'", errors.GetProperty("sizing")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyValueOfTheWrongType_Is400_NamingItsField()
    {
        await using var node = await ApiNode.StartAsync();
        using var trader = await node.UserAsync(Role.Trader);

        using var body = new StringContent("""{ "id": "x", "initialCash": "lots" }""", Encoding.UTF8, "application/json");
        var problem = await (await trader.PostAsync("/api/bots", body)).ExpectAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("initialCash", out _), problem.ToString());
    }

    [Fact]
    public async Task MisspeltBodyMember_Is400_NamingIt_InsteadOfBeingIgnored()
    {
        await using var node = await ApiNode.StartAsync();
        using var trader = await node.UserAsync(Role.Trader);

        using var body = new StringContent("""{ "id": "x", "strategys": [] }""", Encoding.UTF8, "application/json");
        var problem = await (await trader.PostAsync("/api/bots", body)).ExpectAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("strategys", out _), problem.ToString());
    }

    [Fact]
    public async Task MalformedJson_Is400ProblemDetails()
    {
        await using var node = await ApiNode.StartAsync();
        using var trader = await node.UserAsync(Role.Trader);

        using var body = new StringContent("""{ "id": "x", """, Encoding.UTF8, "application/json");
        var response = await trader.PostAsync("/api/bots", body);
        await response.ExpectAsync(400);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task QueryValueThatDoesNotParse_Is400_NamingTheParameter()
    {
        await using var node = await ApiNode.StartAsync();
        using var viewer = await node.UserAsync(Role.Viewer);

        var problem = await viewer.GetJsonAsync("/api/bots/any/orders?after=soon", 400);
        var limit = await viewer.GetJsonAsync("/api/bots/any/orders?limit=0", 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("after", out _), problem.ToString());
        Assert.True(limit.GetProperty("errors").TryGetProperty("limit", out _), limit.ToString());
    }

    [Fact]
    public async Task UnknownBot_Is404_AndAStepItsStateForbids_Is409_BothAsProblemDetails()
    {
        await using var node = await ApiNode.StartAsync();
        using var trader = await node.UserAsync(Role.Trader);
        await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("fresh"), 201);

        var missing = await trader.GetJsonAsync("/api/bots/ghost", 404);
        var conflict = await trader.PostJsonAsync("/api/bots/fresh/resume", status: 409);
        var duplicate = await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("fresh"), 400);

        Assert.Contains("ghost", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Created", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("already exists", duplicate.GetProperty("errors").GetProperty("id")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnauthenticatedRequest_Is401ProblemDetails()
    {
        await using var node = await ApiNode.StartAsync();
        using var anonymous = node.Anonymous();

        var response = await anonymous.GetAsync("/api/bots");
        await response.ExpectAsync(401);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NewUser_WithAShortPasswordAndNoRole_Is400_NamingBoth()
    {
        await using var node = await ApiNode.StartAsync();
        using var admin = await node.AdminAsync();

        var problem = await admin.PostJsonAsync("/api/users", new { userName = "short", password = "tiny" }, 400);
        var taken = await admin.PostJsonAsync("/api/users", new { userName = ApiNode.AdminUser.ToUpperInvariant(), password = "long-enough-password", role = "Viewer" }, 409);

        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _), problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _), problem.ToString());
        Assert.True(taken.GetProperty("errors").TryGetProperty("userName", out _), taken.ToString());
    }
}
