using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence.Tests;

public sealed class SqliteFileTests(SqliteTarget target) : IClassFixture<SqliteTarget>
{
    [Fact]
    public async Task ReopenedFile_KeepsEverythingStored()
    {
        var database = await target.NewDatabaseAsync();
        var bot = Sample.Bot();
        var user = new UserRecord("u1", "alice", "hash", Role.Admin, Sample.Time, false);
        var key = new ApiKeyRecord("k1", "u1", "ci", "co_abc", "key-hash", Role.Trader, Sample.Time, null);
        var account = new ExchangeAccountRecord("a1", "main", "binance", "public", [1, 2, 3], Sample.Time);
        var fill = Sample.Fill(bot.Id, 1, 1, quantity: 2m);
        var position = new PositionRecord(bot.Id, "BTCUSDT", 2m, 100m, 0m, Sample.Time);
        await using (var store = await Stores.OpenAsync(database))
        {
            await store.Bots.CreateAsync(bot);
            await store.AcceptedOrderAsync(bot.Id, 1);
            await store.Orders.RecordFillAsync(fill, Sample.Transition(bot.Id, 1, OrderStatus.Filled, 2m, 200m));
            await store.Orders.JournalAsync(Sample.Order(bot.Id, 2));
            await store.Positions.UpsertAsync(position);
            await store.Equity.AddAsync(new EquitySnapshot(bot.Id, Sample.Time, 1m, 2m));
            await store.PluginState.SaveAsync(new PluginStateSnapshot(bot.Id, "sma", 3, [9, 8], Sample.Time));
            await store.Users.CreateAsync(user);
            await store.Users.CreateApiKeyAsync(key);
            await store.ExchangeAccounts.CreateAsync(account);
            await store.Audit.AppendAsync(Sample.Time, "alice", "bot.create", bot.Id, "{}");
            await store.Events.AppendAsync(bot.Id, "fill", Sample.Time, "{}");
        }

        await using var reopened = Stores.Open(database);

        Assert.Empty(await reopened.MigrateAsync());
        Assert.Equal(bot, await reopened.Bots.GetAsync(bot.Id));
        Assert.Equal([2L], (await reopened.Orders.OpenOrdersAsync(bot.Id)).Select(order => order.ClientOrderId));
        Assert.Equal(3, (await reopened.Orders.TransitionsAsync(bot.Id, 1)).Count);
        Assert.Equal([fill], await reopened.Fills.ForOrderAsync(bot.Id, 1));
        Assert.Equal(position, await reopened.Positions.GetAsync(bot.Id, "BTCUSDT"));
        Assert.Equal(2m, (await reopened.Equity.LatestAsync(bot.Id))!.Equity);
        Assert.Equal([9, 8], (await reopened.PluginState.LoadAsync(bot.Id, "sma"))!.Payload);
        Assert.Equal(user, await reopened.Users.FindByNameAsync("ALICE"));
        Assert.Equal(key, await reopened.Users.FindApiKeyByPrefixAsync("co_abc"));
        Assert.Equal(account.EncryptedSecret, (await reopened.ExchangeAccounts.GetAsync("a1"))!.EncryptedSecret);
        Assert.Single(await reopened.Audit.ReadAsync());
        Assert.Equal(2, (await reopened.Events.AppendAsync(bot.Id, "order", Sample.Time, "{}")).Sequence);
    }

    [Fact]
    public async Task File_IsInWalMode_WithForeignKeysAndDecimalsAsText()
    {
        var database = await target.NewDatabaseAsync();
        await using var store = (SqliteStore)await Stores.OpenAsync(database);
        var bot = await store.NewBotAsync();
        await store.Positions.UpsertAsync(new PositionRecord(bot, "BTCUSDT", 0.00000001m, 79228162514264337593543950335m, -1.5m, Sample.Time));

        Assert.Equal("wal", await target.ScalarAsync(database, "PRAGMA journal_mode"));
        Assert.Equal("text|0.00000001|79228162514264337593543950335|-1.5",
            await target.ScalarAsync(database, "SELECT typeof(quantity) || '|' || quantity || '|' || average_price || '|' || realized_pnl FROM positions"));
        Assert.Equal(Path.GetFullPath(database.ConnectionString), Path.GetFullPath(store.FilePath));
    }

    [Fact]
    public void Open_OfAnInMemoryDatabase_IsRefused_BecauseItWouldLoseEverything()
    {
        var error = Assert.Throws<ArgumentException>(() => Stores.Open(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = "Data Source=:memory:" }));

        Assert.Contains("StoreOptions.ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_InAFolderThatDoesNotExist_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "store.db");

        var error = Assert.Throws<InvalidOperationException>(() => Stores.Open(new StoreOptions { ConnectionString = path }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
