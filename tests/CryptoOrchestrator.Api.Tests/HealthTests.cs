using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public class HealthTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite, BusKind.InProcess)]
    [InlineData(StoreKind.Postgres, BusKind.Redis)]
    public async Task Probes_AnswerAnonymously_NamingWhatWasChecked(StoreKind store, BusKind bus)
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions { Store = store, Bus = bus });
        using var anonymous = node.Anonymous();

        var alive = await anonymous.GetJsonAsync("/healthz");
        var ready = await anonymous.GetJsonAsync("/readyz");

        Assert.Equal("alive", alive.GetProperty("status").GetString());
        Assert.Equal("ok", ready.GetProperty("checks").GetProperty("store").GetString());
        Assert.Equal(bus == BusKind.Redis, ready.GetProperty("checks").TryGetProperty("redis", out _));
    }

    [Fact]
    public async Task Readiness_IsA503NamingTheStore_WhenTheStoreIsGone()
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions { Store = StoreKind.Postgres });
        using var anonymous = node.Anonymous();
        await node.Store.DisposeAsync();

        var problem = await anonymous.GetJsonAsync("/readyz", 503);

        Assert.StartsWith("failed:", problem.GetProperty("checks").GetProperty("store").GetString(), StringComparison.Ordinal);
        Assert.Contains("store", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ArePrometheusText_ForViewers_WithTheApiRequestHistogram()
    {
        await using var node = await ApiNode.StartAsync();
        using var viewer = await node.UserAsync(Role.Viewer);
        await viewer.GetJsonAsync("/api/bots");

        var response = await viewer.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE co_api_request_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("route=\"/api/bots/\"", text, StringComparison.Ordinal);
        Assert.Equal(401, (int)(await node.Anonymous().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpoints()
    {
        await using var node = await ApiNode.StartAsync();
        using var anonymous = node.Anonymous();

        var document = await anonymous.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/bots/{id}/start", out _), paths.ToString());
        Assert.True(paths.TryGetProperty("/api/backtests", out _), paths.ToString());
    }
}
