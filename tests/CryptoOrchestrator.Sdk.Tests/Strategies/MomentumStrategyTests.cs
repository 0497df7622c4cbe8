using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Tests.Support;
using CryptoOrchestrator.Strategies.Momentum;

namespace CryptoOrchestrator.Sdk.Tests.Strategies;

public class MomentumStrategyTests
{
    // Lookback 2, so each close is compared with the one two bars earlier.
    private static readonly Bar[] RiseFadeFall = StrategyRun.FlatBars(100, 100, 100, 102, 103, 103, 100, 99, 99.5m);

    [Fact]
    public void Metadata_DeclaresIdAndDefaults()
    {
        var metadata = new MomentumStrategy().Metadata;

        Assert.Equal("momentum", metadata.Id);
        Assert.Equal(24, metadata.Parameters.Single(p => p.Name == "lookback").DefaultValue);
        Assert.Equal(1.0, metadata.Parameters.Single(p => p.Name == "threshold-percent").DefaultValue);
        Assert.Equal(true, metadata.Parameters.Single(p => p.Name == "allow-short").DefaultValue);
    }

    [Fact]
    public void OnBar_GoesLongFlatShortFlat_AsTheRateOfChangeCrossesTheThreshold()
    {
        var emissions = StrategyRun.Emissions(new MomentumStrategy(), RiseFadeFall, "lookback=2");

        Assert.Equal(
            [
                (3, SignalDirection.Long, "momentum-up"),      // 102 vs 100: +2 %
                (5, SignalDirection.Flat, "momentum-faded"),   // 103 vs 102: +0.98 %
                (6, SignalDirection.Short, "momentum-down"),   // 100 vs 103: -2.9 %
                (8, SignalDirection.Flat, "momentum-faded"),   // 99.5 vs 100: -0.5 %
            ],
            emissions);
    }

    [Fact]
    public void OnBar_GoesFlatInsteadOfShort_WhenShortsAreNotAllowed()
    {
        var bars = StrategyRun.FlatBars(100, 100, 103, 103, 99);

        Assert.Equal(
            [(2, SignalDirection.Long, "momentum-up"), (4, SignalDirection.Flat, "momentum-down")],
            StrategyRun.Emissions(new MomentumStrategy(), bars, "lookback=2", "allow-short=false"));
        Assert.Equal(
            [(2, SignalDirection.Long, "momentum-up"), (4, SignalDirection.Short, "momentum-down")],
            StrategyRun.Emissions(new MomentumStrategy(), bars, "lookback=2"));
    }

    [Fact]
    public void OnBar_StaysSilent_UntilTheLookbackIsFilledAndWhileFlat()
    {
        var context = StrategyRun.Over(new MomentumStrategy(), StrategyRun.FlatBars(100, 200, 300, 300, 300, 300), "lookback=3");

        Assert.Equal([SignalDirection.Long, SignalDirection.Flat], context.Signals.Select(s => s.Direction));
    }

    [Fact]
    public void OnBar_TreatsAChangeExactlyAtTheThresholdAsNoMomentum()
    {
        var context = StrategyRun.Over(new MomentumStrategy(), StrategyRun.FlatBars(100, 125, 75), "lookback=1", "threshold-percent=25");

        Assert.Equal([SignalDirection.Short], context.Signals.Select(s => s.Direction));
    }

    [Fact]
    public void Signals_CarryTheBarsInstrument_AtFullStrength()
    {
        var signal = Assert.Single(StrategyRun.Over(new MomentumStrategy(), StrategyRun.FlatBars(100, 110), "lookback=1").Signals);

        Assert.Equal(StrategyRun.Btc, signal.Instrument);
        Assert.Equal(1.0, signal.TargetExposure);
        Assert.Null(signal.Malformation());
    }

    [Fact]
    public void OnBar_AllocatesNothing_Over10000RealBars()
    {
        var strategy = new MomentumStrategy();
        var context = StrategyRun.Over(strategy, TestBars.BtcHourly[..100], "lookback=6", "threshold-percent=0.5");
        var bars = TestBars.BtcHourly;

        var bytes = Allocations.Measure(10_000, i => strategy.OnBar(StrategyRun.Btc, bars[i % bars.Length]));

        Assert.Equal(0, bytes);
        Assert.True(context.Signals.Count > 100, "The run should have changed its view often.");
    }
}
