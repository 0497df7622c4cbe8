using System.Text.RegularExpressions;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using CryptoOrchestrator.Sdk.Testing;

namespace Co.Strategy1.Tests;

public class Co_Strategy1StrategyTests
{
    [Fact]
    public void Signals_GoLongOnTheBreakoutBar_AndFlatOnTheExitBar()
    {
        var bars = Scenario.BreakoutThenExit;
        var harness = new StrategyHarness(new Co_Strategy1Strategy(), Scenario.Options()).Feed(bars);

        Assert.Collection(
            harness.Signals,
            entry =>
            {
                Assert.Equal(bars[Scenario.EntryBar].CloseTime, entry.Time);
                Assert.Equal(SignalDirection.Long, entry.Signal.Direction);
                Assert.Equal("breakout", entry.Signal.Tag);
            },
            exit =>
            {
                Assert.Equal(bars[Scenario.ExitBar].CloseTime, exit.Time);
                Assert.Equal(SignalDirection.Flat, exit.Signal.Direction);
                Assert.Equal("channel-exit", exit.Signal.Tag);
            });
    }

    [Fact]
    public void Orders_FillAtTheNextOpen_AndEquityIsCashPlusTheRoundTrip()
    {
        var bars = Scenario.BreakoutThenExit;
        var harness = new StrategyHarness(new Co_Strategy1Strategy(), Scenario.Options()).Feed(bars);

        Assert.Equal(2, harness.Fills.Count);
        var (buy, sell) = (harness.Fills[0], harness.Fills[1]);
        Assert.Equal(OrderSide.Buy, buy.Side);
        Assert.Equal(bars[Scenario.EntryBar + 1].Open, buy.Price);
        Assert.Equal(OrderSide.Sell, sell.Side);
        Assert.Equal(bars[Scenario.ExitBar + 1].Open, sell.Price);
        Assert.Equal(buy.Quantity, sell.Quantity);
        Assert.True(buy.Quantity.ToDecimal() > 0m);

        // No commission by default: the account ends with its cash plus what the round trip made.
        var roundTrip = sell.Notional - buy.Notional;
        Assert.Equal(10_000m + roundTrip, harness.Equity);
        Assert.True(harness.PositionOf().Quantity.IsZero);
        var trade = Assert.Single(harness.ClosedTrades);
        Assert.Equal(roundTrip, trade.NetPnl);
        Assert.Equal(harness.Equity, harness.EquityCurve[^1].Equity);
    }

    [Fact]
    public void Breakout_IsIgnored_WhileTheCloseIsBelowTheTrendAverage()
    {
        // Bar 6 (101) beats the three previous highs (100), but the seven-bar average of closes is 108.7.
        var bars = TestBars.FromCloses(130m, 130m, 100m, 100m, 100m, 100m, 101m);

        var filtered = new StrategyHarness(new Co_Strategy1Strategy(), Scenario.Options(trendBars: 7)).Feed(bars);
        var unfiltered = new StrategyHarness(new Co_Strategy1Strategy(), Scenario.Options(trendBars: 1)).Feed(bars);

        Assert.Empty(filtered.Signals);
        var entry = Assert.Single(unfiltered.Signals);
        Assert.Equal(bars[6].CloseTime, entry.Time);
    }

    [Fact]
    public void Parameter_OutsideItsRange_IsRefusedNamingIt()
    {
        var options = Scenario.Options() with { Parameters = new Dictionary<string, string> { ["entry-bars"] = "1" } };

        var error = Assert.ThrowsAny<Exception>(() => new StrategyHarness(new Co_Strategy1Strategy(), options).Feed(Scenario.BreakoutThenExit));

        Assert.Contains("entry-bars", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnBar_AllocatesNothing()
    {
        // Flat closes: the channel is updated on every bar and no signal fires.
        var bars = TestBars.FromCloses([.. Enumerable.Repeat(100m, 1_100)]);
        var strategy = new Co_Strategy1Strategy();
        var harness = new StrategyHarness(strategy, Scenario.Options()).Feed(bars.Take(100));
        strategy.OnBar(harness.Instrument, bars[100]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 101; i < bars.Count; i++)
        {
            strategy.OnBar(harness.Instrument, bars[i]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Metadata_IsAKebabCaseStrategyWithSweepableParameters()
    {
        var metadata = new Co_Strategy1Strategy().Metadata;

        Assert.Matches(new Regex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$"), metadata.Id);
        Assert.Equal(PluginKind.Strategy, metadata.Kind);
        Assert.All(metadata.Parameters, parameter =>
        {
            Assert.NotNull(parameter.Minimum);
            Assert.NotNull(parameter.Maximum);
            Assert.NotNull(parameter.Step);
            Assert.False(string.IsNullOrWhiteSpace(parameter.Description));
        });
    }
}
