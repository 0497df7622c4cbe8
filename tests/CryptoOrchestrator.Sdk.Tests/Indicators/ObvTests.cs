using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class ObvTests
{
    [Fact]
    public void Obv_MatchesNaiveSignedVolumeTotal_OnEveryBtcHourlyBar()
    {
        var bars = TestBars.BtcHourly;
        var obv = new IndicatorFactory().Obv();
        var run = IndicatorRun.Over(bars, obv, b => obv.Update(b));

        var expected = new double[bars.Length];
        var total = bars[0].Volume.ToDecimal();
        expected[0] = (double)total;
        for (var i = 1; i < bars.Length; i++)
        {
            total += Math.Sign(bars[i].Close.ToDecimal() - bars[i - 1].Close.ToDecimal()) * bars[i].Volume.ToDecimal();
            expected[i] = (double)total;
        }

        SeriesAssert.ReadyExactlyWhenReferenceIs(expected, run.Ready, "obv");
        SeriesAssert.Matches(expected, run.Outputs[0], "obv");
    }

    [Fact]
    public void Obv_HoldsStill_WhenTheCloseIsUnchanged()
    {
        var obv = new Obv();
        obv.Update(Bar(close: 100, volume: 5));
        obv.Update(Bar(close: 100, volume: 7));
        obv.Update(Bar(close: 99, volume: 2));

        Assert.Equal(3.0, obv.Value);
    }

    private static Bar Bar(int close, int volume)
    {
        var p = Price.FromDecimal(close);
        return new Bar(0, 59_999, p, p, p, p, Quantity.FromWhole(volume));
    }
}
