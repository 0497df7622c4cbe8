using CryptoOrchestrator.Api.Audit;
using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Api.Errors;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Bots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>A bot's journal as stored: orders (and cancelling one), positions, fills and equity.</summary>
internal static class OrderEndpoints
{
    private const int MaxPage = 1_000;

    public static void Map(RouteGroupBuilder api)
    {
        var bot = api.MapGroup("/bots/{id}").WithTags("Orders and positions");
        bot.MapGet("/orders", ListOrders).RequireAuthorization(ApiPolicies.Viewer);
        bot.MapGet("/orders/{clientOrderId:long}", GetOrder).RequireAuthorization(ApiPolicies.Viewer);
        bot.MapPost("/orders/{clientOrderId:long}/cancel", Cancel).RequireAuthorization(ApiPolicies.Trader).Audited("order.cancel");
        bot.MapGet("/positions", async (string id, BotManager manager, IStore store, CancellationToken cancellation) =>
        {
            await KnownBots.EnsureAsync(id, manager, store, cancellation).ConfigureAwait(false);
            return TypedResults.Ok(await store.Positions.ListAsync(id, cancellation).ConfigureAwait(false));
        }).RequireAuthorization(ApiPolicies.Viewer);
        bot.MapGet("/fills", async (string id, long? from, long? to, BotManager manager, IStore store, CancellationToken cancellation) =>
        {
            await KnownBots.EnsureAsync(id, manager, store, cancellation).ConfigureAwait(false);
            return TypedResults.Ok(await store.Fills.ListAsync(id, from ?? 0, to ?? long.MaxValue, cancellation).ConfigureAwait(false));
        }).RequireAuthorization(ApiPolicies.Viewer);
        bot.MapGet("/equity", async (string id, long? from, long? to, BotManager manager, IStore store, CancellationToken cancellation) =>
        {
            await KnownBots.EnsureAsync(id, manager, store, cancellation).ConfigureAwait(false);
            return TypedResults.Ok(await store.Equity.RangeAsync(id, from ?? 0, to ?? long.MaxValue, cancellation).ConfigureAwait(false));
        }).RequireAuthorization(ApiPolicies.Viewer);
    }

    private static async Task<Results<Ok<IReadOnlyList<OrderRecord>>, ValidationProblem>> ListOrders(
        string id, long? after, int? limit, BotManager manager, IStore store, CancellationToken cancellation)
    {
        if (limit is < 1 or > MaxPage)
        {
            return Problems.Invalid("limit", $"must be between 1 and {MaxPage}");
        }

        await KnownBots.EnsureAsync(id, manager, store, cancellation).ConfigureAwait(false);
        return TypedResults.Ok(await store.Orders.ListAsync(id, after ?? 0, limit ?? MaxPage, cancellation).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetOrder(
        string id, long clientOrderId, BotManager manager, IStore store, CancellationToken cancellation)
    {
        await KnownBots.EnsureAsync(id, manager, store, cancellation).ConfigureAwait(false);
        var order = await store.Orders.GetAsync(id, clientOrderId, cancellation).ConfigureAwait(false);
        if (order is null)
        {
            return Problems.NotFound($"Bot '{id}' has no order co-{clientOrderId}.");
        }

        var transitions = await store.Orders.TransitionsAsync(id, clientOrderId, cancellation).ConfigureAwait(false);
        var fills = await store.Fills.ForOrderAsync(id, clientOrderId, cancellation).ConfigureAwait(false);
        return TypedResults.Ok(new OrderView(order, transitions, fills));
    }

    private static async Task<Results<Accepted<CancelRequested>, ProblemHttpResult>> Cancel(
        string id, long clientOrderId, BotManager manager, IStore store, CancellationToken cancellation)
    {
        if (await manager.CancelOrderAsync(id, clientOrderId, cancellation).ConfigureAwait(false))
        {
            return TypedResults.Accepted($"/api/bots/{Uri.EscapeDataString(id)}/orders/{clientOrderId}", new CancelRequested(id, clientOrderId));
        }

        var stored = await store.Orders.GetAsync(id, clientOrderId, cancellation).ConfigureAwait(false);
        return stored is null
            ? Problems.NotFound($"Bot '{id}' has no open order co-{clientOrderId}.")
            : Problems.Conflict($"Order co-{clientOrderId} of bot '{id}' is {stored.Status}; only an open order of a running bot can be cancelled.");
    }
}
