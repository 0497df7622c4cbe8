using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class PluginStateRepositoryTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    [Fact]
    public async Task Save_KeepsOnlyTheLatestSnapshotPerPlugin()
    {
        var bot = await _store.NewBotAsync();
        await _store.PluginState.SaveAsync(new PluginStateSnapshot(bot, "sma", 1, [1, 2, 3], 1_000));
        await _store.PluginState.SaveAsync(new PluginStateSnapshot(bot, "rsi", 1, [9], 1_000));
        await _store.PluginState.SaveAsync(new PluginStateSnapshot(bot, "sma", 2, [4, 5, 0, 255], 2_000));

        var sma = await _store.PluginState.LoadAsync(bot, "sma");
        var all = await _store.PluginState.ListAsync(bot);

        Assert.Equal((2, 2_000L), (sma!.StateVersion, sma.TimeMs));
        Assert.Equal([4, 5, 0, 255], sma.Payload);
        Assert.Equal(["rsi", "sma"], all.Select(snapshot => snapshot.PluginId));
        Assert.Null(await _store.PluginState.LoadAsync(bot, "macd"));
    }

    [Fact]
    public async Task Save_KeepsAnEmptyPayloadEmpty()
    {
        var bot = await _store.NewBotAsync();
        await _store.PluginState.SaveAsync(new PluginStateSnapshot(bot, "sma", 1, [], 1_000));

        Assert.Empty((await _store.PluginState.LoadAsync(bot, "sma"))!.Payload);
    }

    [Fact]
    public async Task Save_ForAnUnknownBot_NamesTheBot()
    {
        var error = await Assert.ThrowsAsync<RecordNotFoundException>(
            () => _store.PluginState.SaveAsync(new PluginStateSnapshot("ghost", "sma", 1, [1], 0)));

        Assert.Equal("Bot 'ghost' does not exist.", error.Message);
    }
}

public sealed class SqlitePluginStateRepositoryTests(SqliteTarget target) : PluginStateRepositoryTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresPluginStateRepositoryTests(PostgresTarget target) : PluginStateRepositoryTests(target), IClassFixture<PostgresTarget>;
