using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using CryptoOrchestrator.Sdk.Testing;

namespace Co.Strategy1.Tests;

public class OrderEventTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // Bars 0-3 of the scenario signal long at 104; bar 4 gaps down and opens at 103, where the entry fills.
    private static IReadOnlyList<Bar> BreakoutThenGapDown()
    {
        var bars = Scenario.BreakoutThenExit.Take(Scenario.EntryBar + 1).ToList();
        bars.Add(TestBars.Create(bars[^1].CloseTimeUtc.AddMilliseconds(1), Minute, 103m, 104m, 102.5m, 103.5m));
        return bars;
    }

    private static Trade TradeAt(Bar after, decimal price, int seconds) =>
        new(after.CloseTime + (seconds * 1000L), Price.FromDecimal(price), Quantity.FromDecimal(0.1m), OrderSide.Sell);

    [Fact]
    public void Stop_IsMeasuredFromTheFillPrice_NotTheSignalClose()
    {
        var bars = BreakoutThenGapDown();
        var strategy = new Co_Strategy1Strategy();
        var harness = new StrategyHarness(strategy, Scenario.Options()).Feed(bars);
        Assert.Equal(harness.Fills[^1].Price, strategy.EntryPrice);

        // 2% under the fill (103) is 100.94; under the signal's close (104) it would be 101.92.
        harness.FeedTrade(TradeAt(bars[^1], 101.5m, 1));
        Assert.Equal(SignalDirection.Long, harness.Signals[^1].Signal.Direction);

        harness.FeedTrade(TradeAt(bars[^1], 100.9m, 2));
        Assert.Equal("stop", harness.Signals[^1].Signal.Tag);
        Assert.Equal(Price.Zero, strategy.EntryPrice);
    }

    [Fact]
    public void Quote_WithTheBidAtTheStop_Exits()
    {
        var bars = BreakoutThenGapDown();
        var strategy = new Co_Strategy1Strategy();
        var harness = new StrategyHarness(strategy, Scenario.Options()).Feed(bars);
        var time = bars[^1].CloseTime + 1000L;

        strategy.OnQuote(harness.Instrument, new Quote(time, Price.FromDecimal(101m), Quantity.FromDecimal(1m), Price.FromDecimal(101.1m), Quantity.FromDecimal(1m)));
        Assert.Equal(SignalDirection.Long, harness.Signals[^1].Signal.Direction);

        strategy.OnQuote(harness.Instrument, new Quote(time, Price.FromDecimal(100.9m), Quantity.FromDecimal(1m), Price.FromDecimal(101m), Quantity.FromDecimal(1m)));
        Assert.Equal("stop", harness.Signals[^1].Signal.Tag);
    }

    [Fact]
    public void RejectedEntry_IsRecorded_AndTheNextBreakoutTriesAgain()
    {
        var bars = TestBars.FromCloses(100m, 100m, 100m, 104m, 104m, 110m);
        var strategy = new Co_Strategy1Strategy();
        var options = Scenario.Options() with { RiskRules = [new RejectBuysRule()] };

        var harness = new StrategyHarness(strategy, options).Feed(bars);

        Assert.Equal(RejectBuysRule.Reason, strategy.LastRejection);
        Assert.Empty(harness.Fills);
        Assert.Equal(2, harness.Signals.Count(s => s.Signal.Direction == SignalDirection.Long));
    }

    private sealed class RejectBuysRule : IRiskRule
    {
        public const string Reason = "no-buys";

        public PluginMetadata Metadata { get; } = new() { Id = "reject-buys", Version = "1.0.0", Kind = PluginKind.RiskRule, SdkVersionRange = "[0.1.0, 1.0.0)" };

        public void Initialize(IPluginContext context)
        {
        }

        public RiskDecision Evaluate(in OrderRequest order, IPortfolioView portfolio) =>
            order.Side == OrderSide.Buy ? RiskDecision.Reject(Reason) : RiskDecision.Approve();
    }
}
