using System.Runtime.CompilerServices;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using static CryptoOrchestrator.Engine.Tests.Pipeline.Live.TestMetadata;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

public class FaultPolicyTests
{
    private const int FaultBar = 40;

    [Fact]
    public void ContinueWithout_QuarantinedStrategy_LeavesTheRunAsIfItHadFallenSilentAtTheFault()
    {
        var series = Bars.RandomWalk(Btc, 8, 400);
        var faults = new List<PluginFault>();
        var faulty = DirectTrader(throwsFromFaultBar: true);
        var silent = DirectTrader(throwsFromFaultBar: false);

        var quarantined = LiveRun.Of(WithRandomPartner(faulty) with { FaultObserver = faults.Add }, series);
        var reference = LiveRun.Of(WithRandomPartner(silent), series);

        LiveRun.AssertSame(reference, quarantined);
        var faultTime = series.Bars[FaultBar].CloseTime;
        Assert.Contains(quarantined.Log.Fills, f => f.Owner == "f" && f.Fill.Time > faultTime);
        Assert.Equal(FaultBar + 1, faulty.Bars.Count);
        Assert.DoesNotContain(faulty.Fills, f => f.Time > faultTime);
        Assert.True(quarantined.Pipeline.IsQuarantined(0));
        Assert.False(quarantined.Pipeline.IsQuarantined(1));
        Assert.Contains("boom at bar 40", quarantined.Pipeline.QuarantineReason(0), StringComparison.Ordinal);
        var fault = Assert.Single(faults);
        Assert.Equal(
            ("f", CallbackPhases.OnBar, "System.InvalidOperationException", "boom at bar 40", faultTime),
            (fault.PluginId, fault.Phase, fault.ExceptionType, fault.Message, fault.TimeMs));
        Assert.Contains(nameof(HookedStrategy), fault.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ContinueWithout_WithdrawsTheQuarantinedSignal_FusionSeesOnlyTheOthers()
    {
        var series = Bars.RandomWalk(Btc, 9, 60);
        var fusion = new RecordingFusion();
        var a = Emitter("a", SignalDirection.Long, 0.3, throwsAt: FaultBar);
        var b = Emitter("b", SignalDirection.Short, 0.8, throwsAt: -1);
        var setup = Setup(a) with
        {
            Strategies = [Registration(a), Registration(b)],
            Fusion = fusion,
            FaultPolicy = FaultPolicy.ContinueWithout,
        };

        LiveRun.Of(setup, series);

        var faultTime = series.Bars[FaultBar].CloseTime;
        Assert.All(fusion.Calls.Where(c => c.Time < faultTime), c => Assert.Equal([0.3, 0.8], c.Strengths));
        Assert.All(fusion.Calls.Where(c => c.Time >= faultTime), c => Assert.Equal([0.8], c.Strengths));
        Assert.Equal(series.Count - FaultBar, fusion.Calls.Count(c => c.Time >= faultTime));
    }

    [Fact]
    public void ContinueWithout_WithdrawingTheOnlySignal_MovesNoPosition()
    {
        var fusion = new RecordingFusion();
        var a = Emitter("a", SignalDirection.Long, 1.0, throwsAt: 5, onlyOnce: true);
        var setup = Setup(a) with { Fusion = fusion, FaultPolicy = FaultPolicy.ContinueWithout };

        var run = LiveRun.Of(setup, Bars.Closes(Btc, 100, 101, 102, 103, 104, 105, 106, 107, 108));

        Assert.Single(fusion.Calls);
        Assert.Equal(Quantity.FromWhole(1), run.Pipeline.Portfolio.GetPosition(Btc).Quantity);
        Assert.Single(run.Log.Fills);
    }

    [Fact]
    public void ContinueWithout_FaultInOnFill_QuarantinesOnlyThatStrategy_AndTheFillIsBooked()
    {
        var faults = new List<PluginFault>();
        var a = new HookedStrategy("a")
        {
            EachBar = (ctx, instrument, _, seen) =>
            {
                if (seen == 0)
                {
                    ctx.Submit(OrderRequest.Market(instrument, OrderSide.Buy, Quantity.FromWhole(1)));
                }
            },
            EachFill = _ => throw new InvalidDataException("fill handler broke"),
        };
        var b = new HookedStrategy("b");
        var setup = Setup(a) with { Strategies = [Registration(a), Registration(b)], FaultPolicy = FaultPolicy.ContinueWithout, FaultObserver = faults.Add };

        var run = LiveRun.Of(setup, Bars.Closes(Btc, 100, 101, 102));

        Assert.Equal(("a", CallbackPhases.OnFill), (Assert.Single(faults).PluginId, faults[0].Phase));
        Assert.Single(a.Fills);
        Assert.DoesNotContain(a.Updates, u => u.Status == OrderStatus.Filled);
        Assert.Single(a.Bars);
        Assert.Equal(3, b.Bars.Count);
        Assert.Equal(Quantity.FromWhole(1), run.Pipeline.Portfolio.Ledger(0).GetPosition(0).Quantity);
        Assert.Contains(run.Log.Orders, o => o.Owner == "a" && o.Order.Status == OrderStatus.Filled);
    }

    [Fact]
    public void ContinueWithout_MalformedSignal_QuarantinesTheStrategy_NamingEmit()
    {
        var faults = new List<PluginFault>();
        var a = Emitter("a", SignalDirection.Long, 2.0, throwsAt: -1);
        var b = new HookedStrategy("b");
        var setup = Setup(a) with { Strategies = [Registration(a), Registration(b)], FaultPolicy = FaultPolicy.ContinueWithout, FaultObserver = faults.Add };

        LiveRun.Of(setup, Bars.Closes(Btc, 100, 101, 102));

        var fault = Assert.Single(faults);
        Assert.Equal(("a", CallbackPhases.Emit, "System.ArgumentException"), (fault.PluginId, fault.Phase, fault.ExceptionType));
        Assert.Contains("strength", fault.Message, StringComparison.Ordinal);
        Assert.Equal(3, b.Bars.Count);
    }

    [Fact]
    public void Halt_IsTheDefault_AndStopsWithAPluginFault_WithoutCallingTheObserver()
    {
        var faults = new List<PluginFault>();
        var a = Emitter("a", SignalDirection.Long, 1.0, throwsAt: 1);
        var setup = Setup(a) with { FaultObserver = faults.Add };

        var error = Assert.Throws<PluginFaultException>(() => LiveRun.Of(setup, Bars.Closes(Btc, 100, 101, 102)));

        Assert.Equal(FaultPolicy.Halt, setup.FaultPolicy);
        Assert.Equal(("a", CallbackPhases.OnBar), (error.PluginId, error.Phase));
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Empty(faults);
    }

    [Fact]
    public void ContinueWithout_FusionFault_StillHalts()
    {
        var a = Emitter("a", SignalDirection.Long, 1.0, throwsAt: -1);
        var setup = Setup(a) with { Fusion = new RecordingFusion(throws: true), FaultPolicy = FaultPolicy.ContinueWithout };

        var error = Assert.Throws<PluginFaultException>(() => LiveRun.Of(setup, Bars.Closes(Btc, 100, 101)));

        Assert.Equal("recording-fusion", error.PluginId);
    }

    [Fact]
    public void ContinueWithout_RiskRuleFault_InsideAStrategysSubmit_HaltsNamingTheRule()
    {
        var a = new HookedStrategy("a") { EachBar = (ctx, instrument, _, _) => ctx.Submit(OrderRequest.Market(instrument, OrderSide.Buy, Quantity.FromWhole(1))) };
        var setup = Setup(a) with { RiskRules = [new ThrowingRiskRule()], FaultPolicy = FaultPolicy.ContinueWithout };
        var run = new LiveRun(setup, 2, Btc);

        var error = Assert.Throws<PluginFaultException>(() => run.Feed(Bars.Closes(Btc, 100, 101)));

        Assert.Equal(("broken-rule", nameof(IRiskRule.Evaluate)), (error.PluginId, error.Phase));
        Assert.False(run.Pipeline.IsQuarantined(0));
    }

    [Fact]
    public void ContinueWithout_SizerFault_HaltsNamingTheSizer()
    {
        var a = Emitter("a", SignalDirection.Long, 1.0, throwsAt: -1);
        var setup = Setup(a, sizer: new ThrowingSizer()) with { FaultPolicy = FaultPolicy.ContinueWithout };

        var error = Assert.Throws<PluginFaultException>(() => LiveRun.Of(setup, Bars.Closes(Btc, 100, 101)));

        Assert.Equal(("broken-sizer", nameof(IPositionSizer.TargetPosition)), (error.PluginId, error.Phase));
    }

    [Fact]
    public void Quarantine_FromAnotherThread_TakesEffectAtTheNextCallback()
    {
        TradingPipeline pipeline = null!;
        var quarantinedInsideTheCallback = true;
        var a = new HookedStrategy("a")
        {
            EachBar = (_, _, _, seen) =>
            {
                if (seen == 50)
                {
                    var watchdog = new Thread(() => pipeline.Quarantine("a", "watchdog: too slow"));
                    watchdog.Start();
                    watchdog.Join();
                    quarantinedInsideTheCallback = pipeline.IsQuarantined(0);
                }
            },
        };
        var b = new HookedStrategy("b");
        var faults = new List<PluginFault>();
        var run = new LiveRun(Setup(a) with { Strategies = [Registration(a), Registration(b)], FaultObserver = faults.Add }, 100, Btc);
        pipeline = run.Pipeline;

        run.Feed(Bars.RandomWalk(Btc, 2, 100));

        Assert.False(quarantinedInsideTheCallback);
        Assert.Equal(51, a.Bars.Count);
        Assert.Equal(100, b.Bars.Count);
        Assert.True(pipeline.IsQuarantined(0));
        Assert.Equal("watchdog: too slow", pipeline.QuarantineReason(0));
        Assert.Empty(faults);
    }

    [Fact]
    public void Quarantine_OfAnUnknownId_NamesTheIdsPresent()
    {
        var run = new LiveRun(Setup(new HookedStrategy("a")), 1, Btc);

        var error = Assert.Throws<ArgumentException>(() => run.Pipeline.Quarantine("zeta", "why not"));

        Assert.Contains("'zeta'", error.Message, StringComparison.Ordinal);
        Assert.Contains("a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SwappingAQuarantinedSlot_EndsTheQuarantine()
    {
        var a = Emitter("a", SignalDirection.Long, 1.0, throwsAt: 2);
        var run = new LiveRun(Setup(a) with { FaultPolicy = FaultPolicy.ContinueWithout, HistoryDepth = 2 }, 6, Btc);
        var bars = Bars.Closes(Btc, 100, 101, 102, 103, 104, 105);
        run.Feed(new(Btc, bars.Bars[..3].ToArray(), 3, Bars.Hour));
        var fixedBuild = new HookedStrategy("a");

        var report = run.Pipeline.SwapStrategy(0, fixedBuild, Parameters(fixedBuild));
        run.Feed(new(Btc, bars.Bars[3..].ToArray(), 3, Bars.Hour));

        Assert.Equal((SwapMode.WarmReplay, 2), (report.Mode, report.ReplayedBars));
        Assert.False(run.Pipeline.IsQuarantined(0));
        Assert.Null(run.Pipeline.QuarantineReason(0));
        Assert.Equal(5, fixedBuild.Bars.Count);
    }

    [Fact]
    public void QuarantinedInstance_IsLetGoOf_SoItsLoadContextCouldBeUnloaded()
    {
        var (run, instance) = RunUntilQuarantined();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(instance.IsAlive, "the pipeline still holds the quarantined strategy");
        Assert.True(run.Pipeline.IsQuarantined(0));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (LiveRun Run, WeakReference Instance) RunUntilQuarantined()
    {
        var a = Emitter("a", SignalDirection.Long, 1.0, throwsAt: 1);
        var run = new LiveRun(Setup(a) with { FaultPolicy = FaultPolicy.ContinueWithout }, 3, Btc);
        run.Feed(Bars.Closes(Btc, 100, 101, 102));
        return (run, new WeakReference(a));
    }

    /// <summary>Buys a little every fifth bar and leaves a limit order resting below; from <see cref="FaultBar"/> on it throws or does nothing.</summary>
    private static HookedStrategy DirectTrader(bool throwsFromFaultBar) => new("f")
    {
        EachBar = (ctx, instrument, bar, seen) =>
        {
            if (seen >= FaultBar)
            {
                if (throwsFromFaultBar)
                {
                    throw new InvalidOperationException($"boom at bar {seen}");
                }

                return;
            }

            if (seen % 5 == 0)
            {
                ctx.Submit(OrderRequest.Market(instrument, OrderSide.Buy, Quantity.FromDecimal(0.1m)));
            }

            if (seen == FaultBar - 2)
            {
                ctx.Submit(OrderRequest.Limit(instrument, OrderSide.Buy, Quantity.FromDecimal(0.5m), bar.Close - Price.FromDecimal(150m)));
            }
        },
    };

    private static HookedStrategy Emitter(string id, SignalDirection direction, double strength, int throwsAt, bool onlyOnce = false) => new(id)
    {
        EachBar = (ctx, instrument, _, seen) =>
        {
            if (seen == throwsAt)
            {
                throw new InvalidOperationException($"{id} broke");
            }

            if (!onlyOnce || seen == 0)
            {
                ctx.Emit(new Signal(instrument, direction, strength));
            }
        },
    };

    private static PipelineSetup WithRandomPartner(HookedStrategy strategy)
    {
        var partner = new RandomStrategy();
        return Setup(strategy) with
        {
            Strategies = [Registration(strategy), Registration(partner)],
            Sizer = new FixedFractionSizer(0.5m),
            FaultPolicy = FaultPolicy.ContinueWithout,
        };
    }
}
