using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class RocTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(24)]
    public void Roc_MatchesPercentChangeOverPeriod_OnEveryBtcHourlyBar(int period)
    {
        var roc = new IndicatorFactory().Roc(period);
        var run = IndicatorRun.Over(TestBars.BtcHourly, roc, b => roc.Update(b.Close.ToDouble()));

        var expected = NaiveWindow.Rolling(TestBars.BtcHourly.Closes(), period + 1, w => 100.0 * (w[^1] - w[0]) / w[0]);
        SeriesAssert.ReadyExactlyWhenReferenceIs(expected, run.Ready, $"roc{period}");
        SeriesAssert.Matches(expected, run.Outputs[0], $"roc{period}");
        Assert.Equal(roc.WarmupPeriod - 1, run.FirstReady);
    }

    [Fact]
    public void Roc_IsZero_WhenThePastValueIsZero_AsInTaLib()
    {
        var roc = new Roc(1);
        roc.Update(0);
        roc.Update(5);

        Assert.Equal(0.0, roc.Value);
    }
}
