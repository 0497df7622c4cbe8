using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Tests.Support;

namespace CryptoOrchestrator.Sdk.Tests.Indicators;

public class IndicatorAllocationTests
{
    public static TheoryData<string> Names => IndicatorCatalog.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Update_AllocatesNothing_Over10000BarsAfterWarmup(string name)
    {
        var indicatorCase = IndicatorCatalog.Get(name);
        var indicator = indicatorCase.Create(new IndicatorFactory());
        var bars = TestBars.BtcHourly;
        foreach (var bar in bars.AsSpan(0, 100))
        {
            indicatorCase.Update(indicator, bar);
        }

        Assert.True(indicator.IsReady);
        var bytes = Allocations.Measure(10_000, i => indicatorCase.Update(indicator, bars[i % bars.Length]));

        Assert.Equal(0, bytes);
    }
}
