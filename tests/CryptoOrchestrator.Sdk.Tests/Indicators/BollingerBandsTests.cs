using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;
using Xunit.Abstractions;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class BollingerBandsTests(ITestOutputHelper output)
{
    [Fact]
    public void Bollinger20_2_MatchesTaLib_AllThreeBands_OnEveryBtcHourlyBar()
    {
        var bands = new IndicatorFactory().BollingerBands(20, 2.0);
        var run = IndicatorRun.Over(TestBars.BtcHourly, bands, b => bands.Update(b.Close.ToDouble()), () => bands.Upper, () => bands.Middle, () => bands.Lower);

        string[] columns = ["bb_upper", "bb_middle", "bb_lower"];
        for (var c = 0; c < columns.Length; c++)
        {
            var expected = TaLibReference.Column(columns[c]);
            SeriesAssert.ReadyExactlyWhenReferenceIs(expected, run.Ready, columns[c]);
            output.WriteLine($"{columns[c]} worst scaled deviation {SeriesAssert.Matches(expected, run.Outputs[c], columns[c]):E2}");
        }
    }

    [Fact]
    public void Bands_CollapseOntoTheMiddle_WhenPricesAreFlatAtBtcLevels()
    {
        var bands = new BollingerBands(20, 2.0);
        for (var i = 0; i < 100; i++)
        {
            bands.Update(i < 50 ? 61_000.0 + (i % 7) : 63_123.45);
        }

        Assert.Equal(63_123.45, bands.Middle, 9);
        Assert.Equal(bands.Middle, bands.Upper, 6);
        Assert.Equal(bands.Middle, bands.Lower, 6);
    }

    [Fact]
    public void Bollinger_ValueIsTheMiddleBand()
    {
        var bands = new BollingerBands(2, 1.0);
        bands.Update(1);
        bands.Update(3);

        Assert.Equal(2.0, bands.Value);
        Assert.Equal(3.0, bands.Upper);
        Assert.Equal(1.0, bands.Lower);
    }

    [Fact]
    public void Bollinger_RefusesNegativeWidth() =>
        Assert.Equal("deviations", Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(20, -1)).ParamName);
}
