using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class WmaTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    public void Wma_MatchesNaiveWeightedMean_OnEveryBtcHourlyBar(int period)
    {
        var wma = new IndicatorFactory().Wma(period);
        var run = IndicatorRun.Over(TestBars.BtcHourly, wma, b => wma.Update(b.Close.ToDouble()));

        var expected = NaiveWindow.Rolling(TestBars.BtcHourly.Closes(), period, LinearlyWeightedMean);
        SeriesAssert.ReadyExactlyWhenReferenceIs(expected, run.Ready, $"wma{period}");
        SeriesAssert.Matches(expected, run.Outputs[0], $"wma{period}");
    }

    [Fact]
    public void Wma_WeighsNewestMost()
    {
        var wma = new Wma(3);
        foreach (var x in new[] { 3.0, 6.0, 9.0, 12.0 })
        {
            wma.Update(x);
        }

        Assert.Equal(((6.0 * 1) + (9.0 * 2) + (12.0 * 3)) / 6.0, wma.Value, 12);
    }

    [Fact]
    public void Wma_RefusesPeriodBelowOne() => Assert.Throws<ArgumentOutOfRangeException>(() => new Wma(0));

    private static double LinearlyWeightedMean(ReadOnlySpan<double> window)
    {
        double weighted = 0, weights = 0;
        for (var i = 0; i < window.Length; i++)
        {
            weighted += (i + 1) * window[i];
            weights += i + 1;
        }

        return weighted / weights;
    }
}
