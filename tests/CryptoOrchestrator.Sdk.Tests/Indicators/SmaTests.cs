using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class SmaTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(200)]
    public void Sma_MatchesNaiveMean_OnEveryBtcHourlyBar(int period)
    {
        var sma = new IndicatorFactory().Sma(period);
        var run = IndicatorRun.Over(TestBars.BtcHourly, sma, b => sma.Update(b.Close.ToDouble()));

        var expected = NaiveWindow.Rolling(TestBars.BtcHourly.Closes(), period, NaiveWindow.Mean);
        SeriesAssert.ReadyExactlyWhenReferenceIs(expected, run.Ready, $"sma{period}");
        SeriesAssert.Matches(expected, run.Outputs[0], $"sma{period}");
    }

    [Fact]
    public void Sma_RefusesPeriodBelowOne() => Assert.Throws<ArgumentOutOfRangeException>(() => new Sma(0));
}
