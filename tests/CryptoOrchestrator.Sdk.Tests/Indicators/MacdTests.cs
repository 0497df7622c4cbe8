using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;
using Xunit.Abstractions;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class MacdTests(ITestOutputHelper output)
{
    [Fact]
    public void Macd12_26_9_MatchesTaLib_LineSignalAndHistogram_OnEveryBtcHourlyBar()
    {
        var macd = new IndicatorFactory().Macd(12, 26, 9);
        var run = IndicatorRun.Over(TestBars.BtcHourly, macd, b => macd.Update(b.Close.ToDouble()), () => macd.Value, () => macd.Signal, () => macd.Histogram);

        string[] columns = ["macd", "macdsignal", "macdhist"];
        for (var c = 0; c < columns.Length; c++)
        {
            var expected = TaLibReference.Column(columns[c]);
            SeriesAssert.ReadyExactlyWhenReferenceIs(expected, run.Ready, columns[c]);
            output.WriteLine($"{columns[c]} worst scaled deviation {SeriesAssert.Matches(expected, run.Outputs[c], columns[c]):E2}");
        }

        Assert.Equal(macd.WarmupPeriod - 1, run.FirstReady);
    }

    [Fact]
    public void Macd_HistogramIsLineMinusSignal()
    {
        var macd = new Macd(3, 6, 4);
        foreach (var close in TestBars.BtcHourly.Closes().AsSpan(0, 100))
        {
            macd.Update(close);
        }

        Assert.Equal(macd.Value - macd.Signal, macd.Histogram);
    }

    [Fact]
    public void Macd_RefusesSlowPeriodNotLongerThanFast() =>
        Assert.Equal("slowPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => new Macd(12, 12, 9)).ParamName);
}
