using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests;

public class StrategyHarnessTests
{
    // fast SMA(2) / slow SMA(3) over these closes: equal until bar 3, above from bar 3 (101.5 > 101), below at bar 6 (102 < 103.33).
    private static readonly decimal[] Closes = [100m, 100m, 100m, 103m, 106m, 104m, 100m, 96m, 95m];
    private static readonly long Start = TestBars.DefaultStart.ToUnixTimeMilliseconds();
    private const long Minute = 60_000;

    [Fact]
    public void SmaCross_EmitsLongThenFlat_AtTheClosesOfTheCrossingBars()
    {
        var harness = CrossHarness();

        harness.Feed(TestBars.FromCloses(Closes));

        Assert.Equal(
            [(Start + (4 * Minute) - 1, SignalDirection.Long), (Start + (7 * Minute) - 1, SignalDirection.Flat)],
            harness.Signals.Select(s => (s.Time, s.Signal.Direction)));
        Assert.All(harness.Signals, s => Assert.Equal(harness.Instrument, s.Signal.Instrument));
    }

    [Fact]
    public void SmaCross_FillsAllInAtTheNextOpens_WithTheTakerFeeRoundedUp()
    {
        var harness = CrossHarness();

        harness.Feed(TestBars.FromCloses(Closes));

        // All in at 103 with 0.1% on top: 10,000 / 103.103 = 96.990388… → 96.99038 (lot 0.00001, rounded down).
        var quantity = Quantity.FromDecimal(96.99038m);
        Assert.Equal(
            [
                (OrderSide.Buy, Price.FromDecimal(103m), quantity, 9.99000914m, Start + (4 * Minute)),    // 9,990.00914 × 0.001
                (OrderSide.Sell, Price.FromDecimal(100m), quantity, 9.699038m, Start + (7 * Minute)),     // 9,699.038 × 0.001
            ],
            harness.Fills.Select(f => (f.Side, f.Price, f.Quantity, f.Fee, f.Time)));
        Assert.All(harness.Fills, f => Assert.Equal(Liquidity.Taker, f.Liquidity));
    }

    [Fact]
    public void SmaCross_EndsWithTheHandComputedCashEquityAndTrade()
    {
        var harness = CrossHarness();

        harness.Feed(TestBars.FromCloses(Closes));

        // 10,000 − 9,990.00914 − 9.99000914 = 0.00085086 after the buy; + 9,699.038 − 9.699038 after the sell.
        Assert.Equal(9_689.33981286m, harness.Cash);
        Assert.Equal(9_689.33981286m, harness.Equity);
        Assert.True(harness.PositionOf().IsFlat);
        Assert.Equal(9.99000914m + 9.699038m, harness.TotalFees);
        var trade = Assert.Single(harness.ClosedTrades);
        Assert.Equal((PositionSide.Long, -290.97114m, 9.99000914m + 9.699038m), (trade.Side, trade.GrossPnl, trade.Fees)); // (100 − 103) × 96.99038
        Assert.Equal(-310.66018714m, trade.NetPnl);
    }

    [Fact]
    public void EquityCurve_HasAPointPerBar_MarkedAtEachClose()
    {
        var harness = CrossHarness();

        harness.Feed(TestBars.FromCloses(Closes));

        Assert.Equal(Closes.Length, harness.EquityCurve.Count);
        Assert.Equal(Start + (5 * Minute) - 1, harness.EquityCurve[4].Time);
        Assert.Equal(0.00085086m + (96.99038m * 106m), harness.EquityCurve[4].Equity);
        Assert.Equal(10_000m, harness.EquityCurve[3].Equity);
        Assert.Equal(9_689.33981286m, harness.EquityCurve[^1].Equity);
    }

    [Fact]
    public void Orders_KeepTheLatestSnapshotOfEach_AndOrderUpdatesEveryStatusChange()
    {
        var harness = CrossHarness();

        harness.Feed(TestBars.FromCloses(Closes));

        Assert.Equal([(OrderSide.Buy, OrderStatus.Filled), (OrderSide.Sell, OrderStatus.Filled)], harness.Orders.Select(o => (o.Request.Side, o.Status)));
        Assert.Equal(
            [OrderStatus.New, OrderStatus.Accepted, OrderStatus.Filled, OrderStatus.New, OrderStatus.Accepted, OrderStatus.Filled],
            harness.OrderUpdates.Select(o => o.Status));
    }

    [Fact]
    public void Report_CountsTheTradeAndTheBars_AndGivesBuyAndHold()
    {
        var harness = CrossHarness();

        var report = harness.Feed(TestBars.FromCloses(Closes)).Report();

        Assert.Equal((Closes.Length, 1, 0, 1), (report.Bars, report.TradeCount, report.WinningTrades, report.LosingTrades));
        Assert.Equal(9_689.33981286m - 10_000m, report.NetProfit);
        Assert.Equal((double)((95m / 100m) - 1m), report.BuyAndHoldReturn, 12);
    }

    [Fact]
    public void FillTimingSignalClose_FillsAtTheSignalBarsClose()
    {
        var harness = CrossHarness(new HarnessOptions { FillTiming = FillTiming.SignalClose, Parameters = { ["fast"] = "2", ["slow"] = "3" } });

        harness.Feed(TestBars.FromCloses(Closes));

        Assert.Equal((Price.FromDecimal(103m), Start + (4 * Minute) - 1), (harness.Fills[0].Price, harness.Fills[0].Time));
    }

    [Fact]
    public void RiskRuleRejection_ShowsInRejections_AndNothingFills()
    {
        var harness = CrossHarness(new HarnessOptions { RiskRules = [new MaxNotionalRule()], Parameters = { ["fast"] = "2", ["slow"] = "3" } });

        harness.Feed(TestBars.FromCloses(Closes));

        Assert.Equal(new Dictionary<string, int> { [MaxNotionalRule.ReasonCode] = 1 }, harness.Rejections);
        Assert.Empty(harness.Fills);
        var order = Assert.Single(harness.Orders);
        Assert.Equal((OrderStatus.Rejected, MaxNotionalRule.ReasonCode), (order.Status, order.Reason));
        Assert.Equal(10_000m, harness.Equity);
    }

    [Fact]
    public void UnknownParameter_Throws_NamingThePluginAndTheParameter()
    {
        var error = Assert.Throws<PluginConfigurationException>(() =>
            new StrategyHarness(new SmaCrossStrategy(), new HarnessOptions { Parameters = { ["fats"] = "2" } }));

        Assert.Equal(("sma-cross", "fats"), (error.PluginId, error.ParameterName));
        Assert.Contains("it declares fast, slow", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "below the minimum 1")]
    [InlineData("two", "not a valid integer")]
    public void BadParameterValue_Throws_NamingThePluginParameterAndProblem(string value, string problem)
    {
        var error = Assert.Throws<PluginConfigurationException>(() =>
            new StrategyHarness(new SmaCrossStrategy(), new HarnessOptions { Parameters = { ["fast"] = value } }));

        Assert.Equal(("sma-cross", "fast"), (error.PluginId, error.ParameterName));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BarsOfTwoInstrumentsAtOneTime_FedOneByOne_AreRefused_PointingToFeedStep()
    {
        var eth = new Instrument("ETHUSDT", "ETH", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.0001m), 0m);
        var harness = new StrategyHarness(new SmaCrossStrategy(), new HarnessOptions { Instruments = [HarnessOptions.DefaultInstrument, eth] });
        var bar = TestBars.FromCloses(100m)[0];
        harness.Feed(bar);

        var error = Assert.Throws<ArgumentException>(() => harness.Feed(eth, bar));

        Assert.Contains("FeedStep", error.Message, StringComparison.Ordinal);
        var next = TestBars.DefaultStart.AddMinutes(1);
        harness.FeedStep(
            [HarnessOptions.DefaultInstrument, eth],
            [TestBars.Create(next, TestBars.DefaultInterval, 100m, 101m, 100m, 101m), TestBars.Create(next, TestBars.DefaultInterval, 2_000m, 2_000m, 1_990m, 1_995m)]);
        Assert.Equal(2, harness.EquityCurve.Count);
    }

    [Fact]
    public void SameSeed_GivesTheSameRun()
    {
        var bars = TestBars.FromCloses(Closes);
        var first = CrossHarness().Feed(bars);
        var second = CrossHarness().Feed(bars);

        Assert.Equal(first.Fills, second.Fills);
        Assert.Equal(first.EquityCurve, second.EquityCurve);
    }

    private static StrategyHarness CrossHarness(HarnessOptions? options = null) =>
        new(new SmaCrossStrategy(), options ?? new HarnessOptions { Commission = 0.001m, Parameters = { ["fast"] = "2", ["slow"] = "3" } });
}
