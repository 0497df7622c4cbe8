using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Testing;

namespace Co.Strategy1.Tests;

public class TradeStopTests
{
    // Entered on bar 3's close of 104: a 2% stop lies at 101.92.
    private static StrategyHarness Long()
    {
        var bars = Scenario.BreakoutThenExit.Take(Scenario.EntryBar + 2);
        return new StrategyHarness(new Co_Strategy1Strategy(), Scenario.Options()).Feed(bars);
    }

    private static Trade TradeAt(decimal price, int secondsAfterEntryBar = 1) =>
        new(Scenario.BreakoutThenExit[Scenario.EntryBar + 1].CloseTime + (secondsAfterEntryBar * 1000L), Price.FromDecimal(price), Quantity.FromDecimal(0.1m), OrderSide.Sell);

    [Fact]
    public void Trade_AboveTheStop_KeepsThePosition()
    {
        var harness = Long();

        harness.FeedTrade(TradeAt(102m));

        Assert.Equal(SignalDirection.Long, harness.Signals[^1].Signal.Direction);
        Assert.True(harness.PositionOf().Quantity.ToDecimal() > 0m);
    }

    [Fact]
    public void Trade_AtOrBelowTheStop_ExitsAtTheTradedPrice()
    {
        var harness = Long();

        harness.FeedTrade(TradeAt(101.9m)).FeedTrade(TradeAt(101.9m, secondsAfterEntryBar: 2));

        var exit = harness.Signals[^1];
        Assert.Equal(SignalDirection.Flat, exit.Signal.Direction);
        Assert.Equal("stop", exit.Signal.Tag);
        var sell = harness.Fills[^1];
        Assert.Equal(OrderSide.Sell, sell.Side);
        Assert.Equal(Price.FromDecimal(101.9m), sell.Price);
        Assert.True(harness.PositionOf().Quantity.IsZero);
    }
}
