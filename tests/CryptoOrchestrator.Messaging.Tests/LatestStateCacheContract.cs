namespace CryptoOrchestrator.Messaging.Tests;

/// <summary>What every <see cref="ILatestStateCache"/> must do; each implementation runs these through a subclass.</summary>
public abstract class LatestStateCacheContract : IAsyncLifetime
{
    protected abstract ILatestStateCache Cache { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("65432.10000001")]
    [InlineData("0.00000001")]
    [InlineData("1.50")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    public async Task Price_RoundTripsExactly_DigitsAndScale(string text)
    {
        var price = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        await Cache.SetPriceAsync("BTCUSDT", price, 1_700_000_000_123);

        var held = await Cache.GetPriceAsync("BTCUSDT");

        Assert.NotNull(held);
        Assert.Equal((price, 1_700_000_000_123L), held.Value);
        Assert.Equal(text, held.Value.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Price_OfAnUnknownSymbol_IsNull() => Assert.Null(await Cache.GetPriceAsync("NOPEUSDT"));

    [Fact]
    public async Task Price_WithAnOlderTime_DoesNotReplaceANewerOne_ButAnEqualTimeDoes()
    {
        await Cache.SetPriceAsync("ETHUSDT", 3000.5m, 2_000);
        await Cache.SetPriceAsync("ETHUSDT", 2999m, 1_999);
        Assert.Equal((3000.5m, 2_000L), await Cache.GetPriceAsync("ETHUSDT"));

        await Cache.SetPriceAsync("ETHUSDT", 3001m, 2_000);
        await Cache.SetPriceAsync("ETHUSDT", 3002.25m, 2_001);
        Assert.Equal((3002.25m, 2_001L), await Cache.GetPriceAsync("ETHUSDT"));
    }

    [Fact]
    public async Task Prices_OfDifferentSymbols_AreKeptApart()
    {
        await Cache.SetPriceAsync("BTCUSDT", 65000m, 1);
        await Cache.SetPriceAsync("ETHUSDT", 3000m, 2);

        Assert.Equal((65000m, 1L), await Cache.GetPriceAsync("BTCUSDT"));
        Assert.Equal((3000m, 2L), await Cache.GetPriceAsync("ETHUSDT"));
    }

    [Fact]
    public async Task BotState_RoundTripsExactly_AndTheLatestReplacesIt()
    {
        const string Running = """{"state":"Running","name":"grid \"Ω\" ✓","equity":"1000.00000001"}""";
        await Cache.SetBotStateAsync("bot-1", """{"state":"Created"}""");
        await Cache.SetBotStateAsync("bot-1", Running);

        Assert.Equal(Running, await Cache.GetBotStateAsync("bot-1"));
        Assert.Null(await Cache.GetBotStateAsync("bot-2"));
    }

    [Fact]
    public async Task MissingSymbolOrBotId_IsRefused_NamingIt()
    {
        Assert.Equal("symbol", (await Assert.ThrowsAsync<ArgumentException>(() => Cache.SetPriceAsync("", 1m, 0).AsTask())).ParamName);
        Assert.Equal("botId", (await Assert.ThrowsAsync<ArgumentException>(() => Cache.GetBotStateAsync(" ").AsTask())).ParamName);
    }
}
