using System.Text.Json;
using System.Text.Json.Nodes;
using CryptoOrchestrator.Api.Audit;
using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Bots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>
/// /api/bots: list, read, create, start, pause, resume, stop and delete bots of the node's <see cref="BotManager"/>; bots
/// another node runs are listed and read from the store and the latest-state cache.
/// </summary>
internal static class BotEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var bots = api.MapGroup("/bots").WithTags("Bots");
        bots.MapGet("/", List).RequireAuthorization(ApiPolicies.Viewer);
        bots.MapGet("/{id}", Get).RequireAuthorization(ApiPolicies.Viewer);
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

    /// <summary>
    /// Every bot the store knows, by id: this node's as they are now, the others' as their node last wrote them to the
    /// latest-state cache, or — before it has — as the store has them (id, name, status).
    /// </summary>
    private static async Task<IResult> List(BotManager manager, IStore store, HttpContext context, CancellationToken cancellation)
    {
        var here = manager.List();
        var ids = here.Select(bot => bot.Id).ToHashSet(StringComparer.Ordinal);
        var elsewhere = (await store.Bots.ListAsync(cancellation).ConfigureAwait(false)).Where(record => !ids.Contains(record.Id)).ToList();
        if (elsewhere.Count == 0)
        {
            return TypedResults.Ok(here);
        }

        var cache = context.RequestServices.GetService<ILatestStateCache>();
        var views = here.Select(bot => (bot.Id, View: JsonSerializer.SerializeToNode(bot, ApiJson.Options)!)).ToList();
        foreach (var record in elsewhere)
        {
            var state = cache is null ? null : await cache.GetBotStateAsync(record.Id).ConfigureAwait(false);
            views.Add((record.Id, state is null
                ? new JsonObject { ["id"] = record.Id, ["name"] = record.Name, ["status"] = record.Status.ToString() }
                : JsonNode.Parse(state)!));
        }

        return TypedResults.Json(new JsonArray([.. views.OrderBy(view => view.Id, StringComparer.Ordinal).Select(view => view.View)]), ApiJson.Options);
    }

    /// <summary>
    /// A bot of this node, as it is now; a bot another node runs (one the store knows), as that node last wrote it to the
    /// latest-state cache (Redis, shared by the nodes).
    /// </summary>
    private static async Task<IResult> Get(string id, BotManager manager, IStore store, HttpContext context, CancellationToken cancellation)
    {
        if (manager.List().FirstOrDefault(bot => bot.Id == id) is { } here)
        {
            return TypedResults.Ok(here);
        }

        if (context.RequestServices.GetService<ILatestStateCache>() is { } cache
            && await store.Bots.GetAsync(id, cancellation).ConfigureAwait(false) is not null
            && await cache.GetBotStateAsync(id).ConfigureAwait(false) is { } state)
        {
            return TypedResults.Text(state, "application/json");
        }

        throw new BotNotFoundException(id);
    }

    private static Created<BotInfo> Create(BotDefinition definition, BotManager manager, HttpContext context)
    {
        Auditor.Describe(context, definition.Id, new { definition.Name, Strategies = definition.Strategies.Select(s => s.PluginId), definition.Instruments, definition.Mode });
        var bot = manager.Create(definition);
        return TypedResults.Created($"/api/bots/{Uri.EscapeDataString(bot.Id)}", bot);
    }
}
