using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Runtime.Bots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>GET /api/bots/{id}/performance: read from the live pipeline; 409 before the bot's first start.</summary>
internal static class PerformanceEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/bots/{id}/performance", async (string id, BotManager manager) =>
                TypedResults.Ok(await manager.InspectAsync(id, pipeline => PerformanceView.Of(id, pipeline)).ConfigureAwait(false)))
            .WithTags("Bots").RequireAuthorization(ApiPolicies.Viewer);
}
