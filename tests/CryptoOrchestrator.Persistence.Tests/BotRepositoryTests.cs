using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class BotRepositoryTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    [Fact]
    public async Task Created_Bot_ReadsBackAsStored_AndUpdatesReplaceAllButCreationTime()
    {
        var bot = Sample.Bot();
        await _store.Bots.CreateAsync(bot);
        Assert.Equal(bot, await _store.Bots.GetAsync(bot.Id));

        await _store.Bots.UpdateAsync(bot with { Name = "Renamed", ConfigurationJson = "{}", Status = BotStatus.Running, CreatedMs = 1, UpdatedMs = Sample.Time + 5 });
        await _store.Bots.SetStatusAsync(bot.Id, BotStatus.Paused, Sample.Time + 6);

        Assert.Equal(bot with { Name = "Renamed", ConfigurationJson = "{}", Status = BotStatus.Paused, UpdatedMs = Sample.Time + 6 }, await _store.Bots.GetAsync(bot.Id));
        Assert.Contains(await _store.Bots.ListAsync(), listed => listed.Id == bot.Id);
    }

    [Fact]
    public async Task Create_WithATakenId_IsRefusedNamingTheField()
    {
        var bot = Sample.Bot();
        await _store.Bots.CreateAsync(bot);

        var error = await Assert.ThrowsAsync<DuplicateRecordException>(() => _store.Bots.CreateAsync(bot with { Name = "Other" }));

        Assert.Equal("Id", error.Field);
        Assert.Equal("Trend follower", (await _store.Bots.GetAsync(bot.Id))!.Name);
    }

    [Fact]
    public async Task Changes_ToAnUnknownBot_NameTheBot()
    {
        var update = await Assert.ThrowsAsync<RecordNotFoundException>(() => _store.Bots.UpdateAsync(Sample.Bot("nobody")));
        var status = await Assert.ThrowsAsync<RecordNotFoundException>(() => _store.Bots.SetStatusAsync("nobody", BotStatus.Running, 0));
        var delete = await Assert.ThrowsAsync<RecordNotFoundException>(() => _store.Bots.DeleteAsync("nobody"));

        Assert.All(new[] { update, status, delete }, error => Assert.Equal("Bot 'nobody' does not exist.", error.Message));
    }

    [Fact]
    public async Task Delete_RemovesTheBotWithEverythingItProduced()
    {
        var bot = await _store.NewBotAsync();
        await _store.AcceptedOrderAsync(bot, 1);
        await _store.Fills.AddAsync(Sample.Fill(bot, 1, 1));
        await _store.Positions.UpsertAsync(new PositionRecord(bot, "BTCUSDT", 1m, 100m, 0m, Sample.Time));
        await _store.Events.AppendAsync(bot, "fill", Sample.Time, "{}");

        await _store.Bots.DeleteAsync(bot);

        Assert.Null(await _store.Bots.GetAsync(bot));
        Assert.Null(await _store.Orders.GetAsync(bot, 1));
        Assert.Empty(await _store.Orders.TransitionsAsync(bot, 1));
        Assert.Empty(await _store.Fills.ListAsync(bot));
        Assert.Empty(await _store.Positions.ListAsync(bot));
        Assert.Empty(await _store.Events.ReadAfterAsync(bot, 0));
    }

    [Fact]
    public async Task Create_WithAnEmptyName_IsRefusedNamingTheField()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.Bots.CreateAsync(Sample.Bot() with { Name = " " }));

        Assert.Equal("BotRecord.Name", error.ParamName);
    }
}

public sealed class SqliteBotRepositoryTests(SqliteTarget target) : BotRepositoryTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresBotRepositoryTests(PostgresTarget target) : BotRepositoryTests(target), IClassFixture<PostgresTarget>;
