using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class PositionRepositoryTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    [Fact]
    public async Task Upsert_InsertsThenReplaces_OneRowPerBotAndSymbol()
    {
        var bot = await _store.NewBotAsync();
        var opened = new PositionRecord(bot, "BTCUSDT", 1.5m, 100m, 0m, Sample.Time);
        var reduced = new PositionRecord(bot, "BTCUSDT", -0.25m, 100m, 12.75m, Sample.Time + 1);
        var other = new PositionRecord(bot, "ETHUSDT", 3m, 2000m, 0m, Sample.Time);

        await _store.Positions.UpsertAsync(opened);
        await _store.Positions.UpsertAsync(other);
        await _store.Positions.UpsertAsync(reduced);

        Assert.Equal(reduced, await _store.Positions.GetAsync(bot, "BTCUSDT"));
        Assert.Equal([reduced, other], await _store.Positions.ListAsync(bot));
        Assert.Null(await _store.Positions.GetAsync(bot, "SOLUSDT"));
    }

    [Fact]
    public async Task Upsert_ForAnUnknownBot_NamesTheBot()
    {
        var error = await Assert.ThrowsAsync<RecordNotFoundException>(
            () => _store.Positions.UpsertAsync(new PositionRecord("ghost", "BTCUSDT", 1m, 1m, 0m, 0)));

        Assert.Equal("Bot 'ghost' does not exist.", error.Message);
    }
}

public sealed class SqlitePositionRepositoryTests(SqliteTarget target) : PositionRepositoryTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresPositionRepositoryTests(PostgresTarget target) : PositionRepositoryTests(target), IClassFixture<PostgresTarget>;
