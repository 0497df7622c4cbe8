using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Tests.Bots;
using StoredStatus = CryptoOrchestrator.Persistence.BotStatus;

namespace CryptoOrchestrator.Runtime.Tests.Durability;

/// <summary>A manager that runs no bots (the host's Bots:Run=false) beside one that does, on the same store.</summary>
public sealed class NodeWithoutBotsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("co-nobots-").FullName;

    [Fact]
    public async Task ManagerThatRunsNoBots_RestoresNone_CreatesAndStartsNone_AndLeavesTheStoreAsTheRunnerLeftIt()
    {
        await using var store = await TestStores.OpenAsync(StoreProvider.Sqlite, _folder);
        await using (var runner = new BotFixture(store))
        {
            runner.Manager.Create(BotFixture.Counting("alpha", bars: null) with { Feed = new FeedDefinition { Kind = FeedKind.Synthetic, Speed = "600", Interval = "1m" } });
            await runner.Manager.StartAsync("alpha");
            await runner.Manager.ShutdownAsync();
        }

        await using var server = new BotFixture(store, runsBots: false);
        await server.Manager.RestoreAsync();

        Assert.Empty(server.Manager.List());
        var refused = Assert.Throws<BotsNotRunHereException>(() => server.Manager.Create(BotFixture.Counting("beta")));
        Assert.Equal("beta", refused.BotId);
        Assert.Null(await store.Bots.GetAsync("beta"));
        Assert.Equal(StoredStatus.Running, (await store.Bots.GetAsync("alpha"))!.Status);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
