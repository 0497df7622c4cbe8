using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Tests.Domain;

public class InstrumentTests
{
    private static readonly Instrument Btc = new("BTCUSDT", "BTC", "USDT", Price.Parse("0.01"), Quantity.Parse("0.00001"), 5m);

    [Theory]
    [InlineData("", "BTC", "USDT")]
    [InlineData("BTCUSDT", " ", "USDT")]
    [InlineData("BTCUSDT", "BTC", "\t")]
    public void Constructor_RefusesBlankNames(string symbol, string baseAsset, string quoteAsset) =>
        Assert.Throws<ArgumentException>(() => new Instrument(symbol, baseAsset, quoteAsset, Price.Parse("0.01"), Quantity.Parse("0.001"), 0m));

    [Fact]
    public void Constructor_RefusesNullNames() =>
        Assert.Throws<ArgumentNullException>(() => new Instrument(null!, "BTC", "USDT", Price.Parse("0.01"), Quantity.Parse("0.001"), 0m));

    [Theory]
    [InlineData("0", "0.001", "tickSize")]
    [InlineData("-0.01", "0.001", "tickSize")]
    [InlineData("0.01", "0", "lotSize")]
    [InlineData("0.01", "-0.001", "lotSize")]
    public void Constructor_RefusesNonPositiveSteps_NamingTheSymbolAndStep(string tick, string lot, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Instrument("ETHUSDT", "ETH", "USDT", Price.Parse(tick), Quantity.Parse(lot), 0m));
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("ETHUSDT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RefusesNegativeMinNotional() =>
        Assert.Equal("minNotional", Assert.Throws<ArgumentOutOfRangeException>(() => new Instrument("BTCUSDT", "BTC", "USDT", Price.Parse("0.01"), Quantity.Parse("0.001"), -1m)).ParamName);

    [Theory]
    [InlineData("42150.256", MidpointRounding.ToZero, "42150.25")]
    [InlineData("42150.251", MidpointRounding.ToPositiveInfinity, "42150.26")]
    [InlineData("42150.255", MidpointRounding.ToEven, "42150.26")]
    [InlineData("42150.245", MidpointRounding.ToEven, "42150.24")]
    [InlineData("42150.25", MidpointRounding.ToNegativeInfinity, "42150.25")]
    public void RoundPrice_RoundsToTheTick(string price, MidpointRounding mode, string expected) =>
        Assert.Equal(Price.Parse(expected), Btc.RoundPrice(Price.Parse(price), mode));

    [Theory]
    [InlineData("0.123456", MidpointRounding.ToZero, "0.12345")]
    [InlineData("0.123451", MidpointRounding.ToPositiveInfinity, "0.12346")]
    [InlineData("-0.123456", MidpointRounding.ToZero, "-0.12345")]
    public void RoundQuantity_RoundsToTheLot(string quantity, MidpointRounding mode, string expected) =>
        Assert.Equal(Quantity.Parse(expected), Btc.RoundQuantity(Quantity.Parse(quantity), mode));

    [Theory]
    [InlineData("50000", "0.0001", true)]
    [InlineData("50000", "0.00009999", false)]
    [InlineData("50000", "-0.0001", true)]
    [InlineData("50000", "-0.00009", false)]
    [InlineData("49999.99", "0.0001", false)]
    public void MeetsMinNotional_ComparesTheExactOrderValue_InclusiveOfTheMinimum(string price, string quantity, bool meets) =>
        Assert.Equal(meets, Btc.MeetsMinNotional(Price.Parse(price), Quantity.Parse(quantity)));

    [Theory]
    [InlineData("BTCUSDT", "BTC", "USDT")]
    [InlineData("ETHBTC", "ETH", "BTC")]
    [InlineData("BTCFDUSD", "BTC", "FDUSD")]
    [InlineData("ETHBUSD", "ETH", "BUSD")]
    [InlineData("SOLUSDC", "SOL", "USDC")]
    [InlineData("BTCUSD", "BTC", "USD")]
    [InlineData("BTCEUR", "BTC", "EUR")]
    [InlineData("ADABNB", "ADA", "BNB")]
    [InlineData("LINKETH", "LINK", "ETH")]
    public void Spot_SplitsTheSymbolAtItsQuoteAsset(string symbol, string baseAsset, string quoteAsset)
    {
        var spot = Instrument.Spot(symbol);

        Assert.Equal(symbol, spot.Symbol);
        Assert.Equal(baseAsset, spot.BaseAsset);
        Assert.Equal(quoteAsset, spot.QuoteAsset);
    }

    [Fact]
    public void Spot_HasTheFinestStepsAndNoMinimum()
    {
        var spot = Instrument.Spot("BTCUSDT");

        Assert.Equal(1, spot.TickSize.Units);
        Assert.Equal(1, spot.LotSize.Units);
        Assert.Equal(0m, spot.MinNotional);
        Assert.Equal(spot, Instrument.Spot("BTCUSDT"));
        Assert.Equal("BTCUSDT", spot.ToString());
    }

    [Fact]
    public void Spot_RefusesABlankSymbol() => Assert.Throws<ArgumentException>(() => Instrument.Spot(" "));
}
