using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class StochasticTests
{
    [Theory]
    [InlineData(14, 3, 1)]
    [InlineData(14, 3, 3)]
    [InlineData(5, 1, 1)]
    public void Stochastic_MatchesNaiveKAndD_OnEveryBtcHourlyBar(int kPeriod, int dPeriod, int kSmoothing)
    {
        var bars = TestBars.BtcHourly;
        var stochastic = new IndicatorFactory().Stochastic(kPeriod, dPeriod, kSmoothing);
        var run = IndicatorRun.Over(bars, stochastic, b => stochastic.Update(b), () => stochastic.K, () => stochastic.D);

        var rawK = new double[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            rawK[i] = i + 1 < kPeriod ? double.NaN : RawK(bars.AsSpan(i + 1 - kPeriod, kPeriod));
        }

        var k = NaiveWindow.Rolling(rawK, kSmoothing, NaiveWindow.Mean);
        var d = NaiveWindow.Rolling(k, dPeriod, NaiveWindow.Mean);
        var kOnceBothExist = k.Select((x, i) => double.IsNaN(d[i]) ? double.NaN : x).ToArray();
        SeriesAssert.ReadyExactlyWhenReferenceIs(d, run.Ready, "stoch");
        SeriesAssert.Matches(kOnceBothExist, run.Outputs[0], "stoch %K");
        SeriesAssert.Matches(d, run.Outputs[1], "stoch %D");
        Assert.Equal(stochastic.WarmupPeriod - 1, run.FirstReady);
    }

    [Fact]
    public void Stochastic_IsHundred_WhenClosingAtTheHighestHigh()
    {
        var stochastic = new Stochastic(3, 1);
        stochastic.Update(Bar(high: 10, low: 5, close: 6));
        stochastic.Update(Bar(high: 12, low: 8, close: 9));
        stochastic.Update(Bar(high: 15, low: 9, close: 15));

        Assert.Equal(100.0, stochastic.K);
        Assert.Equal(100.0, stochastic.D);
    }

    [Fact]
    public void Stochastic_IsZero_WhenTheRangeHasNoWidth_AsInTaLib()
    {
        var stochastic = new Stochastic(2, 1);
        stochastic.Update(Bar(high: 7, low: 7, close: 7));
        stochastic.Update(Bar(high: 7, low: 7, close: 7));

        Assert.Equal(0.0, stochastic.Value);
    }

    private static double RawK(ReadOnlySpan<Bar> window)
    {
        var highest = double.MinValue;
        var lowest = double.MaxValue;
        foreach (var bar in window)
        {
            highest = Math.Max(highest, bar.High.ToDouble());
            lowest = Math.Min(lowest, bar.Low.ToDouble());
        }

        return highest == lowest ? 0.0 : 100.0 * (window[^1].Close.ToDouble() - lowest) / (highest - lowest);
    }

    private static Bar Bar(decimal high, decimal low, decimal close) =>
        new(0, 59_999, Price.FromDecimal(close), Price.FromDecimal(high), Price.FromDecimal(low), Price.FromDecimal(close), Quantity.FromWhole(1));
}
