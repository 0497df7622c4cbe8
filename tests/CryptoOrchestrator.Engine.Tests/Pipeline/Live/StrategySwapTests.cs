using System.Runtime.CompilerServices;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Pipeline.Live.TestMetadata;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

public class StrategySwapTests
{
    [Fact]
    public void ReplacementThatThrowsInInitialize_IsRejected_NamingThePhase()
    {
        var running = new SmaCrossStrategy();
        var live = new LiveRun(Setup(running) with { HistoryDepth = 4 }, 3, Btc);
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
        var live = new LiveRun(Setup(new SmaCrossStrategy()) with { HistoryDepth = 4 }, 3, Btc);
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
}
