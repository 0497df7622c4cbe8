using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Api.Errors;
using CryptoOrchestrator.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>/api/prices/{symbol}: the latest close the bots have seen, from the latest-state cache (shared on Redis).</summary>
internal static class PriceEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/prices/{symbol}", Get).WithTags("Prices").RequireAuthorization(ApiPolicies.Viewer);

    private static async Task<Results<Ok<LatestPrice>, ProblemHttpResult>> Get(string symbol, HttpContext context)
    {
        var cache = context.RequestServices.GetService<ILatestStateCache>();
        return cache is not null && await cache.GetPriceAsync(symbol).ConfigureAwait(false) is { } latest
            ? TypedResults.Ok(new LatestPrice(symbol, latest.Price, latest.TimeMs))
            : Problems.NotFound($"No bot has seen a price of '{symbol}'.");
    }
}
