using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;
using Xunit.Abstractions;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class RsiTests(ITestOutputHelper output)
{
    [Fact]
    public void Rsi14_MatchesTaLib_OnEveryBtcHourlyBar()
    {
        var rsi = new IndicatorFactory().Rsi(14);
        var run = IndicatorRun.Over(TestBars.BtcHourly, rsi, b => rsi.Update(b.Close.ToDouble()));

        var expected = TaLibReference.Column("rsi14");
        SeriesAssert.ReadyExactlyWhenReferenceIs(expected, run.Ready, "rsi14");
        output.WriteLine($"rsi14 worst scaled deviation {SeriesAssert.Matches(expected, run.Outputs[0], "rsi14"):E2}");
        Assert.Equal(rsi.WarmupPeriod - 1, run.FirstReady);
    }

    [Fact]
    public void Rsi_IsHundred_WhenPricesOnlyRise()
    {
        var rsi = new Rsi(3);
        foreach (var close in new[] { 1.0, 2.0, 3.5, 4.0, 7.0 })
        {
            rsi.Update(close);
        }

        Assert.Equal(100.0, rsi.Value);
    }

    [Fact]
    public void Rsi_WeighsAverageGainAgainstAverageLoss_WithWilderSmoothing()
    {
        var rsi = new Rsi(2);
        foreach (var close in new[] { 10.0, 12.0, 11.0, 14.0 })
        {
            rsi.Update(close);
        }

        // Seed: gain 2/2 = 1, loss 1/2 = 0.5; then +3: gain (1*1+3)/2 = 2, loss 0.5/2 = 0.25.
        Assert.Equal(100.0 * 2 / 2.25, rsi.Value, 12);
    }

    [Fact]
    public void Rsi_IsZero_WhenPricesDoNotMove_AsInTaLib()
    {
        var rsi = new Rsi(3);
        for (var i = 0; i < 6; i++)
        {
            rsi.Update(42_000.0);
        }

        Assert.True(rsi.IsReady);
        Assert.Equal(0.0, rsi.Value);
    }

    [Fact]
    public void Rsi_RefusesPeriodBelowOne() => Assert.Throws<ArgumentOutOfRangeException>(() => new Rsi(0));
}
