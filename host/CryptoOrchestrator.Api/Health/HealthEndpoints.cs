using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Api.Metrics;
using CryptoOrchestrator.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CryptoOrchestrator.Api.Health;

/// <summary>
/// /healthz (the process answers; anonymous), /readyz (the store answers with its schema in place, and Redis
/// when configured; 503 naming what failed; anonymous) and /metrics (Prometheus text; viewer or above).
/// </summary>
internal static class HealthEndpoints
{
    private const string ProbeBotId = "readyz-probe";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { Status = "alive" })).AllowAnonymous().DisableRateLimiting().WithTags("Health");
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().DisableRateLimiting().WithTags("Health");
        app.MapGet("/metrics", (PrometheusExporter exporter) => TypedResults.Text(exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8"))
            .RequireAuthorization(ApiPolicies.Viewer).WithTags("Health");
    }

    private static async Task<IResult> ReadyAsync(IStore store, HttpContext context)
    {
        var checks = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            // A query on a migrated table: fails both when the database is unreachable and when the schema is missing.
            await store.Bots.GetAsync(ProbeBotId, context.RequestAborted).ConfigureAwait(false);
            checks["store"] = "ok";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            checks["store"] = $"failed: {e.GetType().Name}: {e.Message}";
        }

        if (context.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
        {
            try
            {
                await redis.GetDatabase().PingAsync().ConfigureAwait(false);
                checks["redis"] = "ok";
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                checks["redis"] = $"failed: {e.GetType().Name}: {e.Message}";
            }
        }

        var failed = checks.Where(c => c.Value != "ok").Select(c => c.Key).ToList();
        return failed.Count == 0
            ? TypedResults.Ok(new { Status = "ready", Checks = checks })
            : TypedResults.Problem(
                $"Not ready: {string.Join(", ", failed)} failed.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready.",
                extensions: new Dictionary<string, object?> { ["checks"] = checks });
    }
}
