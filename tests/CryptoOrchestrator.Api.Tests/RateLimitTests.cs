using System.Net.Http.Json;
using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public class RateLimitTests
{
    [Fact]
    public async Task Caller_OverTheirLimit_Gets429ProblemDetails_WithRetryAfter_WhileOthersStillGetThrough()
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions
        {
            Settings = new Dictionary<string, string?> { ["Api:RateLimits:PerCaller"] = "5", ["Api:RateLimits:WindowSeconds"] = "600" },
        });
        using var busy = await node.UserAsync(Role.Viewer);
        using var other = await node.UserAsync(Role.Viewer);

        for (var i = 0; i < 5; i++)
        {
            await busy.GetJsonAsync("/api/bots");
        }

        var refused = await busy.GetAsync("/api/bots");
        var problem = await refused.ExpectAsync(429);

        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 600 }, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        await other.GetJsonAsync("/api/bots");
    }

    [Fact]
    public async Task SignIn_IsLimitedPerIpMoreStrictly()
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions
        {
            Settings = new Dictionary<string, string?> { ["Api:RateLimits:TokenPerIp"] = "3", ["Api:RateLimits:WindowSeconds"] = "600" },
        });
        using var client = node.Anonymous();

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = ApiNode.AdminUser, password = "guessing-" + i });
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([401, 401, 401, 429], statuses);
    }
}
