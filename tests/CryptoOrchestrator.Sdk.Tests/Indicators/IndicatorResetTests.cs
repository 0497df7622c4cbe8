using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class IndicatorResetTests
{
    public static TheoryData<string> Names => IndicatorCatalog.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Reset_ForgetsEverything_SoTheNextRunEqualsAFreshIndicator(string name)
    {
        var indicatorCase = IndicatorCatalog.Get(name);
        var reused = indicatorCase.Create(new IndicatorFactory());
        var fresh = indicatorCase.Create(new IndicatorFactory());
        var bars = TestBars.BtcHourly;
        foreach (var bar in bars.AsSpan(1500, 300))
        {
            indicatorCase.Update(reused, bar);
        }

        reused.Reset();

        Assert.False(reused.IsReady);
        Assert.All(indicatorCase.Outputs(reused), v => Assert.True(double.IsNaN(v)));
        foreach (var bar in bars.AsSpan(0, 200))
        {
            indicatorCase.Update(reused, bar);
            indicatorCase.Update(fresh, bar);
            Assert.Equal(fresh.IsReady, reused.IsReady);
            Assert.Equal(indicatorCase.Outputs(fresh), indicatorCase.Outputs(reused));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void WarmupPeriod_IsTheNumberOfUpdatesBeforeReady(string name)
    {
        var indicatorCase = IndicatorCatalog.Get(name);
        var indicator = indicatorCase.Create(new IndicatorFactory());
        var updates = 0;
        while (!indicator.IsReady)
        {
            indicatorCase.Update(indicator, TestBars.BtcHourly[updates++]);
        }

        Assert.Equal(indicator.WarmupPeriod, updates);
    }
}
