using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;
using Xunit.Abstractions;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class AtrTests(ITestOutputHelper output)
{
    [Fact]
    public void Atr14_MatchesTaLib_OnEveryBtcHourlyBar()
    {
        var atr = new IndicatorFactory().Atr(14);
        var run = IndicatorRun.Over(TestBars.BtcHourly, atr, b => atr.Update(b));

        var expected = TaLibReference.Column("atr14");
        SeriesAssert.ReadyExactlyWhenReferenceIs(expected, run.Ready, "atr14");
        output.WriteLine($"atr14 worst scaled deviation {SeriesAssert.Matches(expected, run.Outputs[0], "atr14"):E2}");
    }

    [Fact]
    public void TrueRange_ReachesBackToPreviousClose_WhenPriceGaps()
    {
        var atr = new Atr(1);
        atr.Update(Bar(high: 101, low: 99, close: 100));
        atr.Update(Bar(high: 112, low: 110, close: 111));

        Assert.Equal(12.0, atr.TrueRange);
        Assert.Equal(12.0, atr.Value);
    }

    [Fact]
    public void Atr_RefusesPeriodBelowOne() => Assert.Throws<ArgumentOutOfRangeException>(() => new Atr(0));

    private static Bar Bar(decimal high, decimal low, decimal close) =>
        new(0, 59_999, Price.FromDecimal(close), Price.FromDecimal(high), Price.FromDecimal(low), Price.FromDecimal(close), Quantity.FromWhole(1));
}
