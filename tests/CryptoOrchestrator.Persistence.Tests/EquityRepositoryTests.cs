using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class EquityRepositoryTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    [Fact]
    public async Task Range_ReturnsTheSnapshotsFromInclusiveToExclusive_InTimeOrder()
    {
        var bot = await _store.NewBotAsync();
        var other = await _store.NewBotAsync();
        foreach (var time in new long[] { 4_000, 1_000, 3_000, 2_000, 5_000 })
        {
            await _store.Equity.AddAsync(new EquitySnapshot(bot, time, 100m, 100m + (time / 1_000)));
        }

        await _store.Equity.AddAsync(new EquitySnapshot(other, 2_500, 1m, 1m));

        var range = await _store.Equity.RangeAsync(bot, 2_000, 5_000);

        Assert.Equal([2_000L, 3_000L, 4_000L], range.Select(snapshot => snapshot.TimeMs));
        Assert.Equal(103m, range[1].Equity);
        Assert.Equal(5_000, (await _store.Equity.LatestAsync(bot))!.TimeMs);
    }

    [Fact]
    public async Task Add_AtAMomentAlreadyStored_ReplacesIt()
    {
        var bot = await _store.NewBotAsync();
        await _store.Equity.AddAsync(new EquitySnapshot(bot, 1_000, 10m, 10m));
        await _store.Equity.AddAsync(new EquitySnapshot(bot, 1_000, 9m, 11m));

        Assert.Equal([new EquitySnapshot(bot, 1_000, 9m, 11m)], await _store.Equity.RangeAsync(bot, 0, long.MaxValue));
    }

    [Fact]
    public async Task Latest_OfABotWithoutSnapshots_IsNull() =>
        Assert.Null(await _store.Equity.LatestAsync(await _store.NewBotAsync()));
}

public sealed class SqliteEquityRepositoryTests(SqliteTarget target) : EquityRepositoryTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresEquityRepositoryTests(PostgresTarget target) : EquityRepositoryTests(target), IClassFixture<PostgresTarget>;
