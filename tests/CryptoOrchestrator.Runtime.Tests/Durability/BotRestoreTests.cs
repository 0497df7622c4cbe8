using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Durability;
using CryptoOrchestrator.Runtime.Tests.Bots;
using BotStatus = CryptoOrchestrator.Runtime.Bots.BotStatus;
using StoredStatus = CryptoOrchestrator.Persistence.BotStatus;

namespace CryptoOrchestrator.Runtime.Tests.Durability;

public sealed class BotRestoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("co-restore-").FullName;

    public static TheoryData<StoreProvider> Providers => [StoreProvider.Sqlite, StoreProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StoredBot_RunToItsEnd_JournalsEveryOrderAndFill_WithPositionsEqualToItsFills(StoreProvider provider)
    {
        await using var store = await TestStores.OpenAsync(provider, _folder);
        await using (var bots = new BotFixture(store))
        {
            bots.Manager.Create(BotFixture.Counting("alpha", bars: 600));
            await bots.Manager.StartAsync("alpha");
            await bots.WaitFor("alpha", BotStatus.Stopped);
            var (lastId, cash) = await bots.Manager.InspectAsync("alpha", p => (p.Orders.LastAssignedId, p.Portfolio.Cash));
            var journal = await JournalContents.ReadAsync(store, "alpha");

            Assert.Equal(StoredStatus.Stopped, (await store.Bots.GetAsync("alpha"))!.Status);
            Assert.True(journal.Fills.Count > 10, $"the counting strategy trades: {journal.Fills.Count} fills");
            Assert.Equal(lastId, journal.Orders[^1].ClientOrderId);
            Assert.Equal(Enumerable.Range(1, (int)lastId).Select(i => (long)i), journal.Orders.Select(o => o.ClientOrderId));
            Assert.Equal(journal.PositionsFromFills(), journal.StoredPositions());
            var checkpoint = await store.Checkpoints.LatestAsync("alpha");
            Assert.Equal(600, checkpoint!.Steps);
            Assert.Equal(cash, checkpoint.Cash);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BotStoppedByTheHostsShutdown_IsRestoredByTheNextManager_AndEndsWithTheJournalOfAnUninterruptedRun(StoreProvider provider)
    {
        var definition = BotFixture.Counting("beta", bars: 1_500) with
        {
            Feed = new FeedDefinition { Kind = FeedKind.Synthetic, Speed = "30000", Interval = "1m", Bars = 1_500, Seed = 11 },
        };
        await using var reference = await TestStores.OpenAsync(provider, _folder);
        await using (var bots = new BotFixture(reference))
        {
            bots.Manager.Create(definition with { Feed = definition.Feed with { Speed = "max" } });
            await bots.Manager.StartAsync("beta");
            await bots.WaitFor("beta", BotStatus.Stopped);
        }

        await using var interrupted = await TestStores.OpenAsync(provider, _folder);
        await using (var first = new BotFixture(interrupted))
        {
            first.Manager.Create(definition);
            await first.Manager.StartAsync("beta");
            await first.WaitForProcessed("beta", 400);
            await first.Manager.ShutdownAsync();
        }

        Assert.Equal(StoredStatus.Running, (await interrupted.Bots.GetAsync("beta"))!.Status);
        var atShutdown = await interrupted.Checkpoints.LatestAsync("beta");
        Assert.InRange(atShutdown!.Steps, 400, 1_499);
        await using (var second = new BotFixture(interrupted))
        {
            await second.Manager.RestoreAsync();
            Assert.Equal(BotStatus.Running, second.Manager.Get("beta").Status);
            await second.WaitFor("beta", BotStatus.Stopped);
        }

        var expected = await JournalContents.ReadAsync(reference, "beta");
        var actual = await JournalContents.ReadAsync(interrupted, "beta");
        Assert.Equal(expected.Orders, actual.Orders);
        Assert.Equal(expected.Transitions, actual.Transitions);
        Assert.Equal(expected.Fills, actual.Fills);
        Assert.Equal(expected.Positions, actual.Positions);
    }

    [Fact]
    public async Task Restore_BringsBackEveryBotWithItsStatus_AndAStartedAgainBotsIdsFollowTheJournal()
    {
        await using var store = await TestStores.OpenAsync(StoreProvider.Sqlite, _folder);
        await using (var bots = new BotFixture(store))
        {
            bots.Manager.Create(BotFixture.Counting("idle"));
            bots.Manager.Create(BotFixture.Counting("done", bars: 300));
            await bots.Manager.StartAsync("done");
            await bots.WaitFor("done", BotStatus.Stopped);
        }

        var firstRun = await JournalContents.ReadAsync(store, "done");
        await using (var restarted = new BotFixture(store))
        {
            await restarted.Manager.RestoreAsync();

            Assert.Equal([("done", BotStatus.Stopped), ("idle", BotStatus.Created)], restarted.Manager.List().Select(b => (b.Id, b.Status)));
            Assert.Equal(BotDefinitionJson.Write(BotFixture.Counting("idle")), BotDefinitionJson.Write(restarted.Manager.Get("idle").Definition));
            await restarted.Manager.StartAsync("done");
            await restarted.WaitFor("done", BotStatus.Stopped);
        }

        var both = await JournalContents.ReadAsync(store, "done");
        Assert.Equal(2 * firstRun.Orders.Count, both.Orders.Count);
        Assert.Equal(Enumerable.Range(1, both.Orders.Count).Select(i => (long)i), both.Orders.Select(o => o.ClientOrderId));
    }

    [Fact]
    public async Task DeletedBot_LeavesTheStore()
    {
        await using var store = await TestStores.OpenAsync(StoreProvider.Sqlite, _folder);
        await using var bots = new BotFixture(store);
        bots.Manager.Create(BotFixture.Counting("gone"));

        await bots.Manager.DeleteAsync("gone");

        Assert.Null(await store.Bots.GetAsync("gone"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
