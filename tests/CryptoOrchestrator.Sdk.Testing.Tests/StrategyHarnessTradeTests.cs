using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests;

public class StrategyHarnessTradeTests
{
    private static readonly long AfterFirstBar = TestBars.DefaultStart.ToUnixTimeMilliseconds() + 60_000;

    [Fact]
    public void FeedTrade_CallsOnTrade_WithTheClockAtTheTradesTime()
    {
        var strategy = new RestingLimitStrategy();
        var harness = new StrategyHarness(strategy).Feed(TestBars.FromCloses(100m));

        harness.FeedTrades([Print(AfterFirstBar + 5, 100.20m), Print(AfterFirstBar + 9, 100.10m)]);

        Assert.Equal([(Print(AfterFirstBar + 5, 100.20m), AfterFirstBar + 5), (Print(AfterFirstBar + 9, 100.10m), AfterFirstBar + 9)], strategy.Trades);
    }

    [Fact]
    public void FeedTrade_FillsARestingLimit_AtTheTradePrice_WhenATradePrintsThroughIt()
    {
        var harness = new StrategyHarness(
            new RestingLimitStrategy(),
            new HarnessOptions { Commission = 0.001m, MakerCommission = 0.0002m, Parameters = { ["limit"] = "99.5", ["quantity"] = "2" } });
        harness.Feed(TestBars.FromCloses(100m));

        harness.FeedTrade(Print(AfterFirstBar + 1, 99.50m)); // a touch is not enough
        Assert.Empty(harness.Fills);
        harness.FeedTrade(Print(AfterFirstBar + 2, 99.42m));

        var fill = Assert.Single(harness.Fills);
        Assert.Equal(
            (Price.FromDecimal(99.42m), Quantity.FromWhole(2), AfterFirstBar + 2, Liquidity.Maker, 0.039768m), // 198.84 × 0.0002
            (fill.Price, fill.Quantity, fill.Time, fill.Liquidity, fill.Fee));
        Assert.Equal(OrderStatus.Filled, Assert.Single(harness.Orders).Status);
    }

    [Fact]
    public void FeedTrade_MarksEquityAtTheTradePrice()
    {
        var harness = new StrategyHarness(new RestingLimitStrategy(), new HarnessOptions { Parameters = { ["limit"] = "99.5", ["quantity"] = "2" } });
        harness.Feed(TestBars.FromCloses(100m));
        harness.FeedTrade(Print(AfterFirstBar + 2, 99.42m));

        harness.FeedTrade(Print(AfterFirstBar + 3, 101.00m));

        Assert.Equal(10_000m - (2 * 99.42m) + (2 * 101m), harness.Equity);
        Assert.Single(harness.EquityCurve); // trades mark the account but record no equity point
    }

    private static Trade Print(long time, decimal price) => new(time, Price.FromDecimal(price), Quantity.FromWhole(3), OrderSide.Sell);
}
