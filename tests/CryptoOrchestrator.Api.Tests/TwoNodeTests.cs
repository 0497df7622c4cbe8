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
        // The second node runs no bots: it serves the API over the same store and bus.
        await using var server = await ApiNode.StartAsync(shared);
        using var trader = await runner.UserAsync(Role.Trader);
        using var viewerOnServer = await server.SignInAsync(ApiNode.AdminUser, ApiNode.AdminPassword);
        var token = trader.DefaultRequestHeaders.Authorization!.Parameter!;

        await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("shared"), 201);
        if (await runner.Store.Bots.GetAsync("shared") is null)
        {
            await runner.Store.Bots.CreateAsync(new BotRecord("shared", "shared", "{}", Persistence.BotStatus.Created, 1, 1));
        }

        // A token issued by one node is good on the other: they share the signing key and the users.
        await using var onServer = await EventSocket.ConnectAsync(server, "shared", 0, token);
        await using var onRunner = await EventSocket.ConnectAsync(runner, "shared", 0, token);
        await trader.PostJsonAsync("/api/bots/shared/start");
        var fromRunner = await onRunner.ReadUntilAsync(e => e.EndsRun);
        var fromServer = await onServer.ReadUntilAsync(e => e.EndsRun);

        Assert.Equal(Enumerable.Range(1, fromRunner.Count).Select(i => (long)i), fromRunner.Select(e => e.Sequence));
        Assert.Equal(fromRunner.Select(e => (e.Sequence, e.Type, e.Payload.ToString())), fromServer.Select(e => (e.Sequence, e.Type, e.Payload.ToString())));
        Assert.Contains(fromServer, e => e.Type == "fill");
        Assert.Empty((await viewerOnServer.GetJsonAsync("/api/bots")).EnumerateArray());
    }
}
