using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class VwapTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(24)]
    [InlineData(500)]
    public void RollingVwap_MatchesNaiveWeightedTypicalPrice_OnEveryBtcHourlyBar(int window)
    {
        var bars = TestBars.BtcHourly;
        var vwap = new IndicatorFactory().Vwap(window);
        var run = IndicatorRun.Over(bars, vwap, b => vwap.Update(b));

        var expected = new double[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            expected[i] = i + 1 < window ? double.NaN : NaiveVwap(bars.AsSpan(i + 1 - window, window));
        }

        SeriesAssert.ReadyExactlyWhenReferenceIs(expected, run.Ready, $"vwap{window}");
        SeriesAssert.Matches(expected, run.Outputs[0], $"vwap{window}");
    }

    [Fact]
    public void CumulativeVwap_MatchesNaiveWeightedTypicalPrice_AndStartsOverOnReset()
    {
        var bars = TestBars.BtcHourly;
        var vwap = new Vwap();
        for (var i = 0; i < bars.Length; i++)
        {
            if (i == 1000)
            {
                vwap.Reset();
            }

            vwap.Update(bars[i]);
            var session = i < 1000 ? bars.AsSpan(0, i + 1) : bars.AsSpan(1000, i - 999);
            Assert.True(SeriesAssert.Close(NaiveVwap(session), vwap.Value), $"row {i}");
        }
    }

    [Fact]
    public void Vwap_IsNotReady_WhileItsBarsHaveNoVolume()
    {
        var vwap = new Vwap(2);
        vwap.Update(Bar(100, Quantity.Zero));
        vwap.Update(Bar(101, Quantity.Zero));

        Assert.False(vwap.IsReady);
        Assert.True(double.IsNaN(vwap.Value));

        vwap.Update(Bar(102, Quantity.FromWhole(1)));
        Assert.True(vwap.IsReady);
        Assert.Equal(102.0, vwap.Value);
    }

    [Fact]
    public void Vwap_RefusesNegativeVolume_NamingTheBar()
    {
        var vwap = new Vwap();
        var error = Assert.Throws<ArgumentException>(() => vwap.Update(Bar(100, Quantity.FromWhole(-1))));
        Assert.Contains("negative volume", error.Message, StringComparison.Ordinal);
    }

    private static double NaiveVwap(ReadOnlySpan<Bar> bars)
    {
        double priceVolume = 0, volume = 0;
        foreach (var bar in bars)
        {
            var typical = (bar.High.ToDouble() + bar.Low.ToDouble() + bar.Close.ToDouble()) / 3.0;
            priceVolume += typical * bar.Volume.ToDouble();
            volume += bar.Volume.ToDouble();
        }

        return volume > 0 ? priceVolume / volume : double.NaN;
    }

    private static Bar Bar(int price, Quantity volume)
    {
        var p = Price.FromDecimal(price);
        return new Bar(0, 59_999, p, p, p, p, volume);
    }
}
