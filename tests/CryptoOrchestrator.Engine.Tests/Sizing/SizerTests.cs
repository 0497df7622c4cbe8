using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Sizing;

public class SizerTests
{
    private static readonly Instrument Btc = new("BTCUSDT", "BTC", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.001m), 10m);

    [Theory]
    [InlineData(1.0, "2")]
    [InlineData(-1.0, "-2")]
    [InlineData(0.5, "1")]
    [InlineData(0.3333, "0.666")]
    [InlineData(0.0, "0")]
    public void FixedQuantity_ScalesByExposure_RoundedDownToTheLot(double exposure, string expected)
    {
        var sizer = new FixedQuantitySizer(Quantity.FromWhole(2));

        Assert.Equal(Quantity.Parse(expected), sizer.TargetPosition(Request(exposure)));
    }

    [Fact]
    public void FixedFraction_LeavesRoomForTheFee()
    {
        var sizer = new FixedFractionSizer(1m);

        // 10,000 / (25,000 × 1.001) = 0.39960… → 0.399 in 0.001 lots.
        Assert.Equal(Quantity.Parse("0.399"), sizer.TargetPosition(Request(1.0, fee: 0.001m)));
        Assert.Equal(Quantity.Parse("-0.399"), sizer.TargetPosition(Request(-1.0, fee: 0.001m)));
    }

    [Fact]
    public void FixedFraction_HoldsNothing_BelowTheMinimumNotional()
    {
        var strict = new Instrument("BTCUSDT", "BTC", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.001m), 50m);
        var sizer = new FixedFractionSizer(0.004m);

        // 40 USDT buys 0.001 BTC (one lot, worth 25 USDT): below a 50 USDT minimum nothing, above a 10 USDT one a lot.
        Assert.Equal(Quantity.Zero, sizer.TargetPosition(Request(1.0) with { Instrument = strict }));
        Assert.Equal(Quantity.Parse("0.001"), sizer.TargetPosition(Request(1.0)));
    }

    [Fact]
    public void VolatilityTarget_CommitsTargetOverRealisedVolatility()
    {
        var sizer = new VolatilityTargetSizer(0.2);

        // Per-bar σ 0.01 over 10,000 bars a year is 100 % a year: commit 20 % of equity, 2,000 USDT → 0.08 BTC.
        var target = sizer.TargetPosition(Request(1.0, volatility: 0.01, periodsPerYear: 10_000));

        Assert.Equal(Quantity.Parse("0.08"), target);
    }

    [Fact]
    public void VolatilityTarget_IsCappedByMaxLeverage_AndHoldsNothingWithoutVolatility()
    {
        var sizer = new VolatilityTargetSizer(0.2, maxLeverage: 1m);

        Assert.Equal(Quantity.Parse("0.4"), sizer.TargetPosition(Request(1.0, volatility: 0.0001, periodsPerYear: 10_000)));
        Assert.Equal(Quantity.Zero, sizer.TargetPosition(Request(1.0, volatility: 0, periodsPerYear: 10_000)));
    }

    [Fact]
    public void Sizers_RefuseNonsenseSettings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedQuantitySizer(Quantity.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedFractionSizer(0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VolatilityTargetSizer(double.NaN));
    }

    private static SizingRequest Request(double exposure, decimal fee = 0m, double volatility = 0, double periodsPerYear = 8766) =>
        new(Btc, exposure, Price.FromDecimal(25_000m), 10_000m, 10_000m, Quantity.Zero, volatility, periodsPerYear, fee);
}
