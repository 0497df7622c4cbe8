using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public class TwoNodeTests
{
    [Fact]
    public async Task TwoNodes_OnOnePostgresAndOneRedis_BothStreamTheSameBotsEvents()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var prefix = $"co-two-{Guid.NewGuid():N}:";
        var shared = new NodeOptions { Store = StoreKind.Postgres, Bus = BusKind.Redis, SharedPostgres = database.ConnectionString, RedisPrefix = prefix };
        await using var runner = await ApiNode.StartAsync(shared);
        // The second node runs no bots (Bots:Run=false): it serves the API over the same store and bus.
        await using var server = await ApiNode.StartAsync(shared with { RunsBots = false });
        using var trader = await runner.UserAsync(Role.Trader);
        using var viewerOnServer = await server.SignInAsync(ApiNode.AdminUser, ApiNode.AdminPassword);
        var token = trader.DefaultRequestHeaders.Authorization!.Parameter!;

        await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("shared"), 201);

        // A token issued by one node is good on the other: they share the signing key and the users.
        await using var onServer = await EventSocket.ConnectAsync(server, "shared", 0, token);
        await using var onRunner = await EventSocket.ConnectAsync(runner, "shared", 0, token);
        await trader.PostJsonAsync("/api/bots/shared/start");
        var fromRunner = await onRunner.ReadUntilAsync(e => e.EndsRun);
        var fromServer = await onServer.ReadUntilAsync(e => e.EndsRun);

        Assert.Equal(Enumerable.Range(1, fromRunner.Count).Select(i => (long)i), fromRunner.Select(e => e.Sequence));
        Assert.Equal(fromRunner.Select(e => (e.Sequence, e.Type, e.Payload.ToString())), fromServer.Select(e => (e.Sequence, e.Type, e.Payload.ToString())));
        Assert.Contains(fromServer, e => e.Type == "fill");
        // It creates and starts none: a bot of its own would trade beside the runner's, unknown to it.
        var refused = await viewerOnServer.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("stray"), 409);
        Assert.Contains("runs no bots", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await viewerOnServer.GetJsonAsync("/api/bots/stray/orders", 404);
        // The journal the runner wrote to the shared database, served by the node that runs nothing.
        await trader.WaitForStatusAsync("shared", "Stopped");
        var servedByServer = await ServedJournal.ReadAsync(viewerOnServer, "shared");
        var servedByRunner = await ServedJournal.ReadAsync(trader, "shared");
        Assert.Equal(
            fromServer.Where(e => e.Type == "fill").Select(e => (e.Payload.GetProperty("clientOrderId").GetInt64(), e.Payload.GetProperty("price").GetDecimal())),
            servedByServer.Contents.Fills.Select(f => (f.ClientOrderId, f.Price)));
        Assert.Equal(fromServer.Where(e => e.Type == "order").Select(e => e.Payload.GetProperty("clientOrderId").GetInt64()).Distinct(),
            servedByServer.Contents.Orders.Select(o => o.ClientOrderId));
        Assert.Equal(servedByRunner.Contents.Orders, servedByServer.Contents.Orders);
        Assert.Equal(servedByRunner.Contents.Transitions, servedByServer.Contents.Transitions);
        Assert.Equal(servedByRunner.Contents.Positions, servedByServer.Contents.Positions);
        Assert.Equal(servedByServer.Contents.PositionsFromFills(), servedByServer.Contents.StoredPositions());
        // The bot's state and the latest price, as the runner left them in Redis.
        var botOnServer = await viewerOnServer.GetJsonAsync("/api/bots/shared");
        Assert.Equal(("Stopped", 3_000L), (botOnServer.GetProperty("status").GetString(), botOnServer.GetProperty("eventsProcessed").GetInt64()));
        Assert.Equal((await trader.GetJsonAsync("/api/bots/shared")).ToString(), botOnServer.ToString());
        // Listed by the node that does not run it, as the runner left it.
        var listedOnServer = Assert.Single((await viewerOnServer.GetJsonAsync("/api/bots")).EnumerateArray());
        Assert.True(System.Text.Json.JsonElement.DeepEquals(botOnServer, listedOnServer), $"{botOnServer}\n{listedOnServer}");
        var price = await viewerOnServer.GetJsonAsync("/api/prices/BTCUSDT");
        Assert.Equal(fromServer.Last(e => e.Type == "equity").TimeMs, price.GetProperty("timeMs").GetInt64());
        Assert.True(price.GetProperty("price").GetDecimal() > 0m, price.ToString());
        await viewerOnServer.GetJsonAsync("/api/prices/ETHUSDT", 404);
    }
}
