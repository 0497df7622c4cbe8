using CryptoOrchestrator.Engine.Analytics;
using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Analytics;

public class PerformanceTrackerAllocationTests
{
    [Fact]
    public void RecordBarAndOnTradeClosed_AllocateNothing_WithinTheExpectedBars()
    {
        const int bars = 20_000;
        const int rounds = 3;
        var tracker = new PerformanceTracker(1_000m, (rounds * bars) + 1);
        var trade = new ClosedTrade(Instrument.Spot("BTCUSDT"), 0, PositionSide.Short, 0, 60_000, Quantity.FromWhole(2), 100m, 99.5m, 1m, 0.2m, 0, 1);
        tracker.RecordBar(0, 1_000m, inMarket: false);
        tracker.OnTradeClosed(trade);

        var time = 0L;
        var allocated = AllocationProbe.Least(rounds, () =>
        {
            for (var i = 1; i <= bars; i++)
            {
                time += 60_000L;
                tracker.RecordBar(time, 1_000m + (i % 7), inMarket: (i & 1) == 0);
                tracker.OnTradeClosed(trade);
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal((rounds * bars) + 1, tracker.TradeCount);
        Assert.Equal((rounds * bars) + 1, tracker.EquityCurve.Length);
    }
}
