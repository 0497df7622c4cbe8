using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class BotEventLogTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    [Fact]
    public async Task Append_NumbersEachBotsEventsFromOne_AndReadReturnsThoseAfterASequence()
    {
        var bot = await _store.NewBotAsync();
        var other = await _store.NewBotAsync();
        var appended = new List<StoredBotEvent>();
        for (var i = 0; i < 5; i++)
        {
            appended.Add(await _store.Events.AppendAsync(bot, "fill", Sample.Time + i, $$"""{"n":{{i}}}"""));
        }

        var othersFirst = await _store.Events.AppendAsync(other, "order", Sample.Time, "{}");

        Assert.Equal([1L, 2L, 3L, 4L, 5L], appended.Select(stored => stored.Sequence));
        Assert.Equal(1, othersFirst.Sequence);
        Assert.Equal(appended.Skip(2), await _store.Events.ReadAfterAsync(bot, 2));
        Assert.Equal(appended.Skip(2).Take(2), await _store.Events.ReadAfterAsync(bot, 2, limit: 2));
        Assert.Empty(await _store.Events.ReadAfterAsync(bot, 5));
        Assert.Equal(5, await _store.Events.LastSequenceAsync(bot));
    }

    [Fact]
    public async Task ConcurrentAppends_ForOneBot_AreGaplessAndDistinct()
    {
        var bot = await _store.NewBotAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => _store.Events.AppendAsync(bot, "equity", i, "{}"))));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), (await _store.Events.ReadAfterAsync(bot, 0)).Select(stored => stored.Sequence));
    }

    [Fact]
    public async Task Store_KeepsTheBusNumbering_IsIdempotent_AndAppendContinuesAboveIt()
    {
        var bot = await _store.NewBotAsync();
        var fromBus = new StoredBotEvent(bot, 41, "fill", Sample.Time, """{"price":"100.5"}""");

        Assert.True(await _store.Events.StoreAsync(fromBus));
        Assert.False(await _store.Events.StoreAsync(fromBus));
        var conflicting = await Assert.ThrowsAsync<DuplicateRecordException>(() => _store.Events.StoreAsync(fromBus with { PayloadJson = "{}" }));
        var next = await _store.Events.AppendAsync(bot, "order", Sample.Time, "{}");

        Assert.Equal("PayloadJson", conflicting.Field);
        Assert.Equal(42, next.Sequence);
        Assert.Equal([fromBus, next], await _store.Events.ReadAfterAsync(bot, 0));
    }

    [Fact]
    public async Task Append_ForAnUnknownBot_NamesTheBot()
    {
        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => _store.Events.AppendAsync("ghost", "fill", 0, "{}"));

        Assert.Equal("Bot 'ghost' does not exist.", error.Message);
        Assert.Equal(0, await _store.Events.LastSequenceAsync("ghost"));
    }
}

public sealed class SqliteBotEventLogTests(SqliteTarget target) : BotEventLogTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresBotEventLogTests(PostgresTarget target) : BotEventLogTests(target), IClassFixture<PostgresTarget>;
