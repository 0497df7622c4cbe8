using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Pipeline.Live.TestMetadata;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

/// <summary>Runs with swaps, or with rejected swap attempts, compared event for event with the same run left alone.</summary>
public class SwapEquivalenceTests
{
    private static readonly BarSeries Series = Bars.RandomWalk(Btc, 17, 1_600);

    /// <summary>A hundred swap points spread over the run at uneven gaps.</summary>
    private static readonly HashSet<int> SwapPoints = [.. Enumerable.Range(0, 100).Select(k => 5 + (k * 15) + (k % 4))];

    [Fact]
    public void StatefulStrategy_SwappedAHundredTimes_RunsExactlyAsWithoutSwaps()
    {
        var bars = Series.Bars.ToArray();
        var plain = LiveRun.Of(HashingSetup(new HashingStrategy()), Series);
        var instances = new List<HashingStrategy> { new() };
        var reports = new List<StrategySwapReport>();

        var swapped = LiveRun.Of(HashingSetup(instances[0]), Series, (pipeline, i) =>
        {
            if (SwapPoints.Contains(i))
            {
                var next = new HashingStrategy();
                reports.Add(pipeline.SwapStrategy(0, next, Parameters(next)));
                instances.Add(next);

                // The handed-over state holds every bar so far, each once, in order.
                Assert.Equal(i, next.BarsSeen);
                Assert.Equal(HashingStrategy.HashOf(bars[..i]), next.Hash);
            }
        });

        Assert.True(plain.Log.Trades.Count > 30, $"only {plain.Log.Trades.Count} trades: the comparison would say little");
        LiveRun.AssertSame(plain, swapped);
        Assert.Equal(101, instances.Count);
        Assert.All(reports, r => Assert.Equal(("hashing", SwapMode.StateHandoff, 0, 40), (r.PluginId, r.Mode, r.ReplayedBars, r.PayloadBytes)));
        var last = instances[^1];
        Assert.Equal(bars.Length, last.BarsSeen);
        Assert.Equal(HashingStrategy.HashOf(bars), last.Hash);
        Assert.Equal(swapped.Log.Fills.Count(f => f.Owner == "hashing"), last.FillsSeen);
        Assert.All(instances[..^1], i => Assert.True(i.Disposed));
        Assert.False(last.Disposed);
        Assert.True(instances.Sum(i => i.InheritedOrderEvents) > 0, "no swap fell while an order was working: handing its callbacks over went untested");
    }

    [Fact]
    public void PlainStrategy_SwappedWithWarmReplayOfItsLookback_RunsExactlyAsWithoutSwaps()
    {
        var plain = LiveRun.Of(SmaSetup(new SmaCrossStrategy(), SmaCrossStrategy.Lookback), Series);
        var reports = new List<(int Bar, StrategySwapReport Report)>();

        var swapped = LiveRun.Of(SmaSetup(new SmaCrossStrategy(), SmaCrossStrategy.Lookback), Series, (pipeline, i) =>
        {
            if (SwapPoints.Contains(i))
            {
                var next = new SmaCrossStrategy();
                reports.Add((i, pipeline.SwapStrategy(0, next, Parameters(next))));
            }
        });

        Assert.True(plain.Log.Signals.Count > 100, $"only {plain.Log.Signals.Count} signals");
        LiveRun.AssertSame(plain, swapped);
        Assert.All(reports, r => Assert.Equal((SwapMode.WarmReplay, Math.Min(r.Bar, SmaCrossStrategy.Lookback), 0), (r.Report.Mode, r.Report.ReplayedBars, r.Report.PayloadBytes)));
    }

    [Fact]
    public void PlainStrategy_SwappedWithoutHistory_LosesTrackOfItsSignals()
    {
        // The control for the test above: without a replay the replacements start cold and miss crosses.
        var plain = LiveRun.Of(SmaSetup(new SmaCrossStrategy(), historyDepth: 0), Series);

        var swapped = LiveRun.Of(SmaSetup(new SmaCrossStrategy(), historyDepth: 0), Series, (pipeline, i) =>
        {
            if (SwapPoints.Contains(i))
            {
                var next = new SmaCrossStrategy();
                Assert.Equal(0, pipeline.SwapStrategy(0, next, Parameters(next)).ReplayedBars);
            }
        });

        Assert.NotEqual(plain.Log.Signals, swapped.Log.Signals);
    }

    [Fact]
    public void ReplacementThatCannotRestoreTheState_IsRejected_AndTheRunGoesOnAsIfNeverTried()
    {
        var plain = LiveRun.Of(HashingSetup(new HashingStrategy()), Series);
        var running = new HashingStrategy();
        var rejected = new List<(HashingStrategy Replacement, StrategySwapRejectedException Error)>();

        var attempted = LiveRun.Of(HashingSetup(running), Series, (pipeline, i) =>
        {
            if (SwapPoints.Contains(i))
            {
                var replacement = new HashingStrategy { RefuseState = true };
                rejected.Add((replacement, Assert.Throws<StrategySwapRejectedException>(() => pipeline.SwapStrategy(0, replacement, Parameters(replacement)))));
            }
        });

        LiveRun.AssertSame(plain, attempted);
        Assert.Equal(100, rejected.Count);
        var error = rejected[0].Error;
        Assert.Equal(("hashing", CallbackPhases.RestoreState), (error.PluginId, error.Phase));
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("'hashing'", error.Message, StringComparison.Ordinal);
        Assert.Contains(CallbackPhases.RestoreState, error.Message, StringComparison.Ordinal);
        Assert.Equal(Series.Count, running.BarsSeen);
        Assert.Equal(HashingStrategy.HashOf(Series.Bars.ToArray()), running.Hash);
        Assert.False(running.Disposed);
        Assert.All(rejected, r => Assert.Equal(0, r.Replacement.BarsSeen));
    }

    [Fact]
    public void ReplacementThatThrowsDuringReplay_IsRejected_AndWhatItDidBeforeLeavesNoTrace()
    {
        var plain = LiveRun.Of(SmaSetup(new SmaCrossStrategy(), historyDepth: 10), Series);

        var attempted = LiveRun.Of(SmaSetup(new SmaCrossStrategy(), historyDepth: 10), Series, (pipeline, i) =>
        {
            if (i is 50 or 700)
            {
                var replacement = new HookedStrategy("sma-cross")
                {
                    EachBar = (ctx, instrument, bar, seen) =>
                    {
                        ctx.Emit(new Signal(instrument, SignalDirection.Short));
                        ctx.Submit(OrderRequest.Market(instrument, OrderSide.Buy, Quantity.FromWhole(3)));
                        if (seen == 6)
                        {
                            throw new FormatException("bad bar");
                        }
                    },
                };

                var error = Assert.Throws<StrategySwapRejectedException>(() => pipeline.SwapStrategy(0, replacement, Parameters(replacement)));

                Assert.Equal(CallbackPhases.ReplayOnBar, error.Phase);
                Assert.IsType<FormatException>(error.InnerException);
                Assert.Equal(7, replacement.Bars.Count);
            }
        });

        LiveRun.AssertSame(plain, attempted);
    }


    private static PipelineSetup HashingSetup(HashingStrategy strategy) => Setup(strategy) with { Sizer = new FixedQuantitySizer(Quantity.FromDecimal(0.5m)) };

    private static PipelineSetup SmaSetup(SmaCrossStrategy strategy, int historyDepth) => Setup(strategy) with { HistoryDepth = historyDepth };
}
