using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;
using Xunit.Abstractions;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class EmaTests(ITestOutputHelper output)
{
    [Fact]
    public void Ema20_MatchesTaLib_OnEveryBtcHourlyBar()
    {
        var ema = new IndicatorFactory().Ema(20);
        var run = IndicatorRun.Over(TestBars.BtcHourly, ema, b => ema.Update(b.Close.ToDouble()));

        var expected = TaLibReference.Column("ema20");
        SeriesAssert.ReadyExactlyWhenReferenceIs(expected, run.Ready, "ema20");
        output.WriteLine($"ema20 worst scaled deviation {SeriesAssert.Matches(expected, run.Outputs[0], "ema20"):E2}");
    }

    [Fact]
    public void Ema_IsSeededBySimpleAverage_ThenSmoothsByTwoOverPeriodPlusOne()
    {
        var ema = new Ema(3);
        ema.Update(1);
        ema.Update(2);
        Assert.False(ema.IsReady);
        ema.Update(6);
        Assert.Equal(3.0, ema.Value);
        ema.Update(7);
        Assert.Equal(3.0 + ((7.0 - 3.0) * 0.5), ema.Value);
    }

    [Fact]
    public void Ema_RefusesPeriodBelowOne() => Assert.Throws<ArgumentOutOfRangeException>(() => new Ema(0));
}
