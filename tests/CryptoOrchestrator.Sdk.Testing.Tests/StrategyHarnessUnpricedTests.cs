using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests;

public class StrategyHarnessUnpricedTests
{
    [Fact]
    public void MarketOrder_ForAnInstrumentWithNoPriceYet_IsRejected_AndTheRunGoesOn()
    {
        var eth = Instrument.Spot("ETHUSDT");
        var harness = new StrategyHarness(
            new OtherInstrumentBuyer(eth),
            new HarnessOptions { Instruments = [HarnessOptions.DefaultInstrument, eth] });

        harness.Feed(TestBars.FromCloses(100m, 101m, 102m));

        Assert.Equal(3, harness.Rejections[OrderRejectReasons.NoReferencePrice]);
        Assert.Empty(harness.Fills);
        Assert.Equal(10_000m, harness.Equity);
    }
}
