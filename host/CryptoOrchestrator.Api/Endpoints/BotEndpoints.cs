using CryptoOrchestrator.Api.Audit;
using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Runtime.Bots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>/api/bots: list, read, create, start, pause, resume, stop and delete bots of the node's <see cref="BotManager"/>.</summary>
internal static class BotEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var bots = api.MapGroup("/bots").WithTags("Bots");
        bots.MapGet("/", (BotManager manager) => TypedResults.Ok(manager.List())).RequireAuthorization(ApiPolicies.Viewer);
        bots.MapGet("/{id}", (string id, BotManager manager) => TypedResults.Ok(manager.Get(id))).RequireAuthorization(ApiPolicies.Viewer);
        bots.MapPost("/", Create).RequireAuthorization(ApiPolicies.Trader).Audited("bot.create");
        bots.MapPost("/{id}/start", async (string id, BotManager manager, CancellationToken cancellation) =>
            TypedResults.Ok(await manager.StartAsync(id, cancellation).ConfigureAwait(false))).RequireAuthorization(ApiPolicies.Trader).Audited("bot.start");
        bots.MapPost("/{id}/pause", (string id, BotManager manager) => TypedResults.Ok(manager.Pause(id))).RequireAuthorization(ApiPolicies.Trader).Audited("bot.pause");
        bots.MapPost("/{id}/resume", (string id, BotManager manager) => TypedResults.Ok(manager.Resume(id))).RequireAuthorization(ApiPolicies.Trader).Audited("bot.resume");
        bots.MapPost("/{id}/stop", async (string id, BotManager manager, CancellationToken cancellation) =>
            TypedResults.Ok(await manager.StopAsync(id, cancellation).ConfigureAwait(false))).RequireAuthorization(ApiPolicies.Trader).Audited("bot.stop");
        bots.MapDelete("/{id}", async (string id, BotManager manager, CancellationToken cancellation) =>
        {
            await manager.DeleteAsync(id, cancellation).ConfigureAwait(false);
            return TypedResults.NoContent();
        }).RequireAuthorization(ApiPolicies.Operator).Audited("bot.delete");
    }

    private static Created<BotInfo> Create(BotDefinition definition, BotManager manager, HttpContext context)
    {
        Auditor.Describe(context, definition.Id, new { definition.Name, Strategies = definition.Strategies.Select(s => s.PluginId), definition.Instruments, definition.Mode });
        var bot = manager.Create(definition);
        return TypedResults.Created($"/api/bots/{Uri.EscapeDataString(bot.Id)}", bot);
    }
}
