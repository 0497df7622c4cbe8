using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;
using Xunit.Abstractions;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class StandardDeviationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    [InlineData(250)]
    public void StandardDeviation_MatchesTwoPassPopulationDeviation_OnEveryBtcHourlyBar(int period)
    {
        var deviation = new IndicatorFactory().StandardDeviation(period);
        var run = IndicatorRun.Over(TestBars.BtcHourly, deviation, b => deviation.Update(b.Close.ToDouble()));

        var expected = NaiveWindow.Rolling(TestBars.BtcHourly.Closes(), period, NaiveWindow.PopulationStandardDeviation);
        SeriesAssert.ReadyExactlyWhenReferenceIs(expected, run.Ready, $"stddev{period}");
        output.WriteLine($"stddev{period} worst scaled deviation {SeriesAssert.Matches(expected, run.Outputs[0], $"stddev{period}"):E2}");
    }

    [Fact]
    public void StandardDeviation_StaysWithin1e9OfItself_ForCentMovesAt100000_EvenAfterSpikesLeaveTheWindow()
    {
        // A rolling sum of squares would lose every digit here; windowed Welford alone keeps ~1e-6 after a spike leaves.
        var random = new Random(7);
        var values = new double[50_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = 100_000.0 + (Math.Round(random.NextDouble() * 10) / 100.0) + (i % 1000 == 0 ? 5_000 : 0);
        }

        var deviation = new StandardDeviation(30);
        var expected = NaiveWindow.Rolling(values, 30, NaiveWindow.PopulationStandardDeviation);
        var worst = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            deviation.Update(values[i]);
            if (deviation.IsReady)
            {
                worst = Math.Max(worst, Math.Abs(deviation.Value - expected[i]) / expected[i]);
            }
        }

        output.WriteLine($"worst relative error {worst:E2}");
        Assert.True(worst < 1e-9, $"Worst relative error {worst}.");
    }

    [Fact]
    public void StandardDeviation_IsExactlyZero_OnceTheWindowHasGoneFlat()
    {
        var deviation = new StandardDeviation(20);
        for (var i = 0; i < 100; i++)
        {
            deviation.Update(i < 50 ? 61_000.0 + ((i % 7) * 300) : 63_123.45);
        }

        Assert.Equal(0.0, deviation.Value);
    }

    [Fact]
    public void StandardDeviation_DividesByCountNotCountMinusOne()
    {
        var deviation = new StandardDeviation(2);
        deviation.Update(1);
        deviation.Update(3);

        Assert.Equal(1.0, deviation.Value);
    }
}
