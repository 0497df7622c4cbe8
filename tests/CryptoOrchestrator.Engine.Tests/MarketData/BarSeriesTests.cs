using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

public sealed class BarSeriesTests
{
    private static readonly Instrument Btc = Instrument.Spot("BTCUSDT");

    [Fact]
    public void Bars_AreTheFirstCountOfTheArray()
    {
        Bar[] bars = [At(1), At(2), At(3), default];

        var series = new BarSeries(Btc, bars, 3, 1);

        Assert.Equal(3, series.Count);
        Assert.Equal(new[] { At(1), At(2), At(3) }, series.Bars.ToArray());
        Assert.Empty(series.Warnings);
    }

    [Fact]
    public void UnorderedBars_AreRefusedNamingTheIndex()
    {
        Bar[] bars = [At(1), At(3), At(3)];

        var error = Assert.Throws<ArgumentException>(() => new BarSeries(Btc, bars, 3, 1));

        Assert.Contains("bar 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("BTCUSDT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountBeyondTheArray_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BarSeries(Btc, [At(1)], 2, 1));
    }

    private static Bar At(long time) => new(time, time, Price.FromUnits(1), Price.FromUnits(1), Price.FromUnits(1), Price.FromUnits(1), Quantity.Zero);
}
