using System.Runtime.CompilerServices;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

public class StrategySwapTests
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

    [Fact]
    public void ReplacementThatThrowsInInitialize_IsRejected_NamingThePhase()
    {
        var running = new SmaCrossStrategy();
        var live = new LiveRun(SmaSetup(running, historyDepth: 4), Series.Count, Btc);
        live.Feed(Bars.Closes(Btc, 100, 101, 102));
        var replacement = new HookedStrategy("sma-cross") { Initialized = _ => throw new KeyNotFoundException("no such parameter") };

        var error = Assert.Throws<StrategySwapRejectedException>(() => live.Pipeline.SwapStrategy(0, replacement, Parameters(replacement)));

        Assert.Equal(("sma-cross", CallbackPhases.Initialize), (error.PluginId, error.Phase));
        Assert.Empty(replacement.Bars);
        Assert.False(live.Pipeline.IsQuarantined(0));
    }

    [Fact]
    public void WritesToTheStateStore_ReachTheRunOnlyWhenTheSwapCommits()
    {
        var live = new LiveRun(SmaSetup(new SmaCrossStrategy(), historyDepth: 4), Series.Count, Btc);
        live.Feed(Bars.Closes(Btc, 100, 101, 102));
        var rejected = new HookedStrategy("sma-cross")
        {
            Initialized = ctx => ctx.State.Save("rejected", 1, [1]),
            EachBar = (_, _, _, _) => throw new InvalidOperationException("no"),
        };
        var accepted = new HookedStrategy("sma-cross") { Initialized = ctx => ctx.State.Save("accepted", 2, [2]) };

        Assert.Throws<StrategySwapRejectedException>(() => live.Pipeline.SwapStrategy(0, rejected, Parameters(rejected)));
        live.Pipeline.SwapStrategy(0, accepted, Parameters(accepted));

        var later = new HookedStrategy("sma-cross");
        live.Pipeline.SwapStrategy(0, later, Parameters(later));
        Assert.False(later.Context.State.TryLoad("rejected", out _, out _));
        Assert.True(later.Context.State.TryLoad("accepted", out var version, out var payload));
        Assert.Equal(2, version);
        Assert.Equal([2], payload.ToArray());
    }

    [Fact]
    public void Replay_FeedsTheLatestBarsWithTheClockAtEachClose_AndDropsWhatTheReplacementDoes()
    {
        var bars = Bars.RandomWalk(Btc, 4, 21).Bars.ToArray();
        var resting = ClientOrderId.None;
        var running = new HookedStrategy("s")
        {
            EachBar = (ctx, instrument, bar, seen) => resting = seen == 0 ? ctx.Submit(OrderRequest.Limit(instrument, OrderSide.Buy, Quantity.FromWhole(1), Price.FromDecimal(1_000m))) : resting,
        };
        var live = new LiveRun(Setup(running) with { HistoryDepth = 5 }, bars.Length, Btc);
        foreach (var bar in bars[..20])
        {
            live.Pipeline.Process(Btc, bar);
        }

        var submitted = new List<ClientOrderId>();
        var cancelled = new List<bool>();
        var replacement = new HookedStrategy("s")
        {
            EachBar = (ctx, instrument, _, _) =>
            {
                ctx.Emit(new Signal(instrument, SignalDirection.Long));
                submitted.Add(ctx.Submit(OrderRequest.Market(instrument, OrderSide.Buy, Quantity.FromWhole(1))));
                cancelled.Add(ctx.Cancel(resting));
            },
        };
        var (orders, signals) = (live.Log.Orders.Count, live.Log.Signals.Count);

        var report = live.Pipeline.SwapStrategy(0, replacement, Parameters(replacement));

        Assert.Equal((SwapMode.WarmReplay, 5), (report.Mode, report.ReplayedBars));
        Assert.Equal(bars[15..20], replacement.Bars.Select(b => b.Bar));
        Assert.Equal(bars[15..20].Select(b => b.CloseTime), replacement.ClockAtEachBar);
        Assert.All(submitted, id => Assert.True(id.IsNone));
        Assert.All(cancelled, Assert.False);
        Assert.Equal((orders, signals), (live.Log.Orders.Count, live.Log.Signals.Count));
        Assert.True(live.Pipeline.Orders.TryGet(resting, out _), "the replay cancelled a live order");

        live.Pipeline.Process(Btc, bars[20]);

        Assert.Equal(bars[20].CloseTime, replacement.ClockAtEachBar[^1]);
        Assert.False(submitted[^1].IsNone);
        Assert.Equal(signals + 1, live.Log.Signals.Count);
    }

    [Fact]
    public void Replay_OfSeveralInstruments_IsInTheOrderTheBarsWereSeen()
    {
        var eth = new Instrument("ETHUSDT", "ETH", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.001m), 5m);
        var btcBars = Bars.RandomWalk(Btc, 1, 10).Bars.ToArray();
        var ethBars = Bars.RandomWalk(eth, 2, 10).Bars.ToArray();
        var running = new HookedStrategy("s");
        var live = new LiveRun(Setup(running) with { HistoryDepth = 3 }, 10, Btc, eth);
        for (var i = 0; i < 10; i++)
        {
            live.Pipeline.ProcessStep([eth, Btc], [ethBars[i], btcBars[i]]);
        }

        var replacement = new HookedStrategy("s");
        live.Pipeline.SwapStrategy(0, replacement, Parameters(replacement));

        Assert.Equal(running.Bars[^6..], replacement.Bars);
        Assert.Equal([eth, Btc, eth, Btc, eth, Btc], replacement.Bars.Select(b => b.Instrument));
    }

    [Fact]
    public void OrdersPlacedBeforeTheSwap_ReportToTheReplacement()
    {
        var running = new HookedStrategy("s")
        {
            EachBar = (ctx, instrument, bar, seen) =>
            {
                if (seen == 0)
                {
                    ctx.Submit(OrderRequest.Limit(instrument, OrderSide.Buy, Quantity.FromWhole(1), Price.FromDecimal(95m)));
                }
            },
        };
        var live = new LiveRun(Setup(running), 3, Btc);
        var bars = Bars.Closes(Btc, 100, 100, 90);
        live.Pipeline.Process(Btc, bars.Bars[0]);
        live.Pipeline.Process(Btc, bars.Bars[1]);
        var replacement = new HookedStrategy("s");

        live.Pipeline.SwapStrategy(0, replacement, Parameters(replacement));
        live.Pipeline.Process(Btc, bars.Bars[2]);

        Assert.Empty(running.Fills);
        var fill = Assert.Single(replacement.Fills);
        Assert.Equal(running.Updates[0].Id, fill.OrderId);
        Assert.Equal(OrderStatus.Filled, Assert.Single(replacement.Updates).Status);
        Assert.Equal(Quantity.FromWhole(1), live.Pipeline.Portfolio.Ledger(0).GetPosition(0).Quantity);
    }

    [Fact]
    public void ReplacementWithAnotherId_IsRefused_NamingBothIds()
    {
        var live = new LiveRun(Setup(new HookedStrategy("alpha")), 1, Btc);
        var impostor = new HookedStrategy("beta");

        var error = Assert.Throws<ArgumentException>(() => live.Pipeline.SwapStrategy(0, impostor, Parameters(impostor)));

        Assert.Contains("'alpha'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'beta'", error.Message, StringComparison.Ordinal);
        Assert.Null(impostor.Context);
    }

    [Fact]
    public void TheRunningInstance_CannotReplaceItself()
    {
        var running = new HookedStrategy("alpha");
        var live = new LiveRun(Setup(running), 1, Btc);

        Assert.Throws<ArgumentException>(() => live.Pipeline.SwapStrategy(0, running, Parameters(running)));
    }

    [Fact]
    public void SwappedOutInstance_IsDisposed_AndARejectedSwapDisposesNothing()
    {
        var running = new HookedStrategy("s");
        var live = new LiveRun(Setup(running) with { HistoryDepth = 2 }, 3, Btc);
        live.Feed(Bars.Closes(Btc, 100, 101));
        var refused = new HookedStrategy("s") { EachBar = (_, _, _, _) => throw new InvalidOperationException("no") };

        Assert.Throws<StrategySwapRejectedException>(() => live.Pipeline.SwapStrategy(0, refused, Parameters(refused)));
        Assert.False(running.Disposed);
        Assert.False(refused.Disposed);

        live.Pipeline.SwapStrategy(0, new HookedStrategy("s"), Parameters(running));
        Assert.True(running.Disposed);
    }

    [Fact]
    public void DisposeThatThrows_IsReportedToTheObserver_AndTheSwapStands()
    {
        var faults = new List<PluginFault>();
        var running = new HookedStrategy("s") { DisposeThrows = new InvalidOperationException("dispose failed") };
        var live = new LiveRun(Setup(running) with { FaultObserver = faults.Add }, 2, Btc);
        var replacement = new HookedStrategy("s");

        live.Pipeline.SwapStrategy(0, replacement, Parameters(replacement));
        live.Feed(Bars.Closes(Btc, 100));

        var fault = Assert.Single(faults);
        Assert.Equal(("s", CallbackPhases.Dispose, "System.InvalidOperationException", "dispose failed"), (fault.PluginId, fault.Phase, fault.ExceptionType, fault.Message));
        Assert.Single(replacement.Bars);
        Assert.Empty(running.Bars);
    }

    [Fact]
    public void Swap_FromInsideACallback_IsRefused()
    {
        TradingPipeline? pipeline = null;
        InvalidOperationException? error = null;
        var running = new HookedStrategy("s")
        {
            EachBar = (_, _, _, _) => error = Assert.Throws<InvalidOperationException>(() => pipeline!.SwapStrategy(0, new HookedStrategy("s"), Parameters(new HookedStrategy("s")))),
        };
        var live = new LiveRun(Setup(running), 1, Btc);
        pipeline = live.Pipeline;

        live.Feed(Bars.Closes(Btc, 100));

        Assert.NotNull(error);
        Assert.Contains("between events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replacement_GetsAFreshRandomSource_SeededLikeTheFirstInstance()
    {
        var firstDraws = new List<int>();
        var running = new HookedStrategy("s") { Initialized = ctx => firstDraws.Add(ctx.Random.Next()) };
        var live = new LiveRun(Setup(running) with { Seed = 77 }, 1, Btc);
        var replacement = new HookedStrategy("s") { Initialized = ctx => firstDraws.Add(ctx.Random.Next()) };

        live.Pipeline.SwapStrategy(0, replacement, Parameters(replacement));

        Assert.Equal(new Random(StableSeed.For(77, "s")).Next(), firstDraws[0]);
        Assert.Equal(firstDraws[0], firstDraws[1]);
    }

    [Fact]
    public void SwappedOutInstance_IsLetGoOf()
    {
        var (live, swappedOut) = SwapOnce();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(swappedOut.IsAlive, "the pipeline still holds the instance it swapped out");
        Assert.Equal(["s"], live.Pipeline.StrategyIds);
    }

    [Fact]
    public void AfterSwaps_TheHotPathStillAllocatesNothing()
    {
        var series = Bars.RandomWalk(Btc, 12, 9_000);
        var setup = Setup(new FlipStrategy("flip", limits: true)) with { HistoryDepth = 32 };
        var pipeline = new TradingPipeline(setup, [Btc], series.Count);
        var next = 0;
        void FeedBars(int count)
        {
            for (var end = next + count; next < end; next++)
            {
                pipeline.Process(Btc, series.Bars[next]);
            }
        }

        FeedBars(1_000);
        for (var swap = 0; swap < 3; swap++)
        {
            var replacement = new FlipStrategy("flip", limits: true);
            pipeline.SwapStrategy(0, replacement, Parameters(replacement));
            FeedBars(500);
        }

        var allocated = AllocationProbe.Least(5, () => FeedBars(1_000));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void SlotOf_UnknownId_NamesTheIdsPresent()
    {
        var live = new LiveRun(Setup(new HookedStrategy("alpha")), 1, Btc);

        var error = Assert.Throws<ArgumentException>(() => live.Pipeline.SlotOf("gamma"));

        Assert.Contains("'gamma'", error.Message, StringComparison.Ordinal);
        Assert.Contains("alpha", error.Message, StringComparison.Ordinal);
        Assert.Equal(["alpha"], live.Pipeline.StrategyIds);
        Assert.Equal(0, live.Pipeline.SlotOf("alpha"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (LiveRun Live, WeakReference SwappedOut) SwapOnce()
    {
        var bars = Bars.Closes(Btc, 100, 101, 102).Bars.ToArray();
        var running = new HookedStrategy("s");
        var live = new LiveRun(Setup(running) with { HistoryDepth = 2 }, 3, Btc);
        live.Pipeline.Process(Btc, bars[0]);
        live.Pipeline.Process(Btc, bars[1]);
        var replacement = new HookedStrategy("s");
        live.Pipeline.SwapStrategy(0, replacement, Parameters(replacement));
        live.Pipeline.Process(Btc, bars[2]);
        return (live, new WeakReference(running));
    }

    private static PipelineSetup HashingSetup(HashingStrategy strategy) => Setup(strategy) with { Sizer = new FixedQuantitySizer(Quantity.FromDecimal(0.5m)) };

    private static PipelineSetup SmaSetup(SmaCrossStrategy strategy, int historyDepth) => Setup(strategy) with { HistoryDepth = historyDepth };

    private static ParameterSet Parameters(IPlugin plugin) => ParameterSet.Defaults(plugin.Metadata);
}
