using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Tests.Support;
using CryptoOrchestrator.Strategies.SmaCrossover;

namespace CryptoOrchestrator.Sdk.Tests.Strategies;

public class SmaCrossoverStrategyTests
{
    // fast 2 / slow 3: equal at bar 2, fast above from bar 3, below from bar 5.
    private static readonly Bar[] UpThenDown = StrategyRun.FlatBars(10, 10, 10, 13, 13, 7, 7);

    [Fact]
    public void OnBar_EmitsOncePerCrossover()
    {
        Assert.Equal(
            [(3, SignalDirection.Long, "golden-cross"), (5, SignalDirection.Short, "death-cross")],
            StrategyRun.Emissions(new SmaCrossoverStrategy(), UpThenDown, "fast=2", "slow=3"));
    }

    [Fact]
    public void OnBar_GoesFlatInsteadOfShort_WhenShortsAreNotAllowed()
    {
        Assert.Equal(
            [(3, SignalDirection.Long, "golden-cross"), (5, SignalDirection.Flat, "death-cross")],
            StrategyRun.Emissions(new SmaCrossoverStrategy(), UpThenDown, "fast=2", "slow=3", "allow-short=false"));
    }

    [Fact]
    public void OnBar_StaysSilent_UntilTheSlowAverageIsReady()
    {
        var context = StrategyRun.Over(new SmaCrossoverStrategy(), StrategyRun.FlatBars(10, 20, 30, 40), "fast=2", "slow=5");

        Assert.Empty(context.Signals);
    }

    [Fact]
    public void Initialize_RefusesAFastAverageNotShorterThanTheSlow()
    {
        var strategy = new SmaCrossoverStrategy();
        var error = Assert.Throws<ArgumentException>(() => strategy.Initialize(new FakeStrategyContext(strategy.Metadata, "fast=20", "slow=20")));

        Assert.Contains("sma-crossover", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnBar_AllocatesNothing_Over10000RealBars()
    {
        var strategy = new SmaCrossoverStrategy();
        var context = StrategyRun.Over(strategy, TestBars.BtcHourly[..100], "fast=3", "slow=8");
        var bars = TestBars.BtcHourly;

        var bytes = Allocations.Measure(10_000, i => strategy.OnBar(StrategyRun.Btc, bars[i % bars.Length]));

        Assert.Equal(0, bytes);
        Assert.True(context.Signals.Count > 100, "The run should have crossed often.");
    }
}
