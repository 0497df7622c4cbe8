using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

/// <summary>A host started again on the same store: its bots come back (restored by the manager) and the API serves them with their journals.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "co-api-restart-" + Guid.NewGuid().ToString("N"))).FullName;

    public static TheoryData<StoreKind> Stores => [StoreKind.Sqlite, StoreKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task HostRestartedOnTheSameStore_ListsItsBots_WithTheirOrders_AndResumesTheOneThatWasRunning(StoreKind store)
    {
        await using var database = store == StoreKind.Postgres ? await PostgresDatabase.CreateAsync() : null;
        var options = new NodeOptions { Store = store, SharedPostgres = database?.ConnectionString, SqliteFile = Path.Combine(_folder, "orchestrator.db") };
        ServedJournal finished;
        await using (var first = await ApiNode.StartAsync(options))
        {
            using var trader = await first.UserAsync(Role.Trader);
            await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("finished"), 201);
            await trader.PostJsonAsync("/api/bots", BotDefinitions.Marathon("running"), 201);
            await trader.PostJsonAsync("/api/bots/finished/start");
            await trader.PostJsonAsync("/api/bots/running/start");
            await trader.WaitForStatusAsync("finished", "Stopped");
            await WaitForOrdersAsync(trader, "running");
            finished = await ServedJournal.ReadAsync(trader, "finished");
            // Stopped by the host's shutdown (the node is disposed): the store keeps it Running.
        }

        await using var second = await ApiNode.StartAsync(options with { Restore = true });
        using var viewer = await second.SignInAsync(ApiNode.AdminUser, ApiNode.AdminPassword);

        var bots = (await viewer.GetJsonAsync("/api/bots")).EnumerateArray().ToDictionary(b => b.GetProperty("id").GetString()!, b => b.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["finished"] = "Stopped", ["running"] = "Running" }, bots);
        var again = await ServedJournal.ReadAsync(viewer, "finished");
        Assert.NotEmpty(finished.Contents.Orders);
        Assert.Equal(finished.Contents.Orders, again.Contents.Orders);
        Assert.Equal(finished.Contents.Transitions, again.Contents.Transitions);
        Assert.Equal(finished.Contents.Fills, again.Contents.Fills);
        Assert.Equal(finished.Contents.Positions, again.Contents.Positions);
        // The resumed bot goes on journaling after the orders of its first run, under new ids.
        var interrupted = await ServedJournal.ReadAsync(viewer, "running");
        var before = interrupted.Contents.Orders[^1].ClientOrderId;
        await WaitForOrdersAsync(viewer, "running", after: before);
        var resumed = await ServedJournal.ReadAsync(viewer, "running");
        Assert.Equal(Enumerable.Range(1, resumed.Contents.Orders.Count).Select(i => (long)i), resumed.Contents.Orders.Select(o => o.ClientOrderId));
        Assert.Equal(resumed.Contents.PositionsFromFills(), resumed.Contents.StoredPositions());
        await (await viewer.PostAsync("/api/bots/running/stop", null)).ExpectAsync(200);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp.
        }
    }

    /// <summary>Polls until the bot has journaled an order above <paramref name="after"/>.</summary>
    private static async Task WaitForOrdersAsync(HttpClient client, string botId, long after = 0)
    {
        var deadline = DateTime.UtcNow + ApiNode.Patience;
        while ((await client.GetJsonAsync($"/api/bots/{botId}/orders?after={after}&limit=1")).GetArrayLength() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"bot {botId} journaled no order after {after}");
            await Task.Delay(50);
        }
    }
}
