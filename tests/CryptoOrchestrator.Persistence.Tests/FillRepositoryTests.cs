using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class FillRepositoryTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    [Fact]
    public async Task ReplayedFill_IsStoredOnce()
    {
        var bot = await _store.NewBotAsync();
        await _store.AcceptedOrderAsync(bot, 1);
        var fill = Sample.Fill(bot, 1, 1);

        Assert.True(await _store.Fills.AddAsync(fill));
        Assert.False(await _store.Fills.AddAsync(fill));
        Assert.False(await _store.Fills.AddAsync(fill with { }));

        Assert.Equal([fill], await _store.Fills.ForOrderAsync(bot, 1));
    }

    [Fact]
    public async Task ReplayedFill_WithOtherContent_IsRefusedNamingTheFields_AndTheFirstIsKept()
    {
        var bot = await _store.NewBotAsync();
        await _store.AcceptedOrderAsync(bot, 1);
        var fill = Sample.Fill(bot, 1, 1);
        await _store.Fills.AddAsync(fill);

        var error = await Assert.ThrowsAsync<DuplicateRecordException>(() => _store.Fills.AddAsync(fill with { Price = 101m, Quantity = 0.5m }));

        Assert.Equal("Price, Quantity", error.Field);
        Assert.Contains($"Fill 1 of order co-1 of bot '{bot}'", error.Message, StringComparison.Ordinal);
        Assert.Equal([fill], await _store.Fills.ForOrderAsync(bot, 1));
    }

    [Fact]
    public async Task Fill_OfAnUnknownOrder_NamesTheOrderAndBot()
    {
        var bot = await _store.NewBotAsync();

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => _store.Fills.AddAsync(Sample.Fill(bot, 12, 1)));

        Assert.Equal($"Order co-12 of bot '{bot}' does not exist.", error.Message);
    }

    [Fact]
    public async Task List_ReturnsTheBotsFillsInTheHalfOpenTimeRange_InTimeOrder()
    {
        var bot = await _store.NewBotAsync();
        await _store.AcceptedOrderAsync(bot, 1, quantity: 10m);
        await _store.AcceptedOrderAsync(bot, 2, quantity: 10m);
        await _store.Fills.AddAsync(Sample.Fill(bot, 2, 1, time: 2_000));
        await _store.Fills.AddAsync(Sample.Fill(bot, 1, 1, time: 1_000));
        await _store.Fills.AddAsync(Sample.Fill(bot, 1, 2, time: 3_000));

        var range = await _store.Fills.ListAsync(bot, fromMs: 1_000, toMs: 3_000);

        Assert.Equal([(1L, 1), (2L, 1)], range.Select(fill => (fill.ClientOrderId, fill.FillSequence)));
        Assert.Equal(3, (await _store.Fills.ListAsync(bot)).Count);
    }
}

public sealed class SqliteFillRepositoryTests(SqliteTarget target) : FillRepositoryTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresFillRepositoryTests(PostgresTarget target) : FillRepositoryTests(target), IClassFixture<PostgresTarget>;
