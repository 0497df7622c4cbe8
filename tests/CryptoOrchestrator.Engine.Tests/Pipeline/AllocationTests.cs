using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

public class AllocationTests
{
    [Fact]
    public void Run_AllocatesNothingPerBar()
    {
        // A run has a small fixed set-up cost; what matters is that it does not grow with the bars.
        AllocatedByRun(Bars.RandomWalk(Btc, 3, 20_000)); // JIT and tier-up outside the measurement.

        var fewBars = LeastOfThree(Bars.RandomWalk(Btc, 3, 20_000));
        var manyBars = LeastOfThree(Bars.RandomWalk(Btc, 3, 200_000));

        // Ten times the bars may not cost more than a few kilobytes more: the runtime itself now and then
        // allocates a little on the thread (about 1 KB seen), while even one 24-byte object per bar would add 4 MB.
        Assert.True(manyBars - fewBars < 4_096, $"{fewBars} bytes over 20,000 bars but {manyBars} over 200,000");
        Assert.True(fewBars < 16_384, $"{fewBars} bytes of fixed cost per run");
    }

    /// <summary>The least of three fresh runs: the runtime's own occasional allocations on the thread are not the pipeline's.</summary>
    private static long LeastOfThree(Engine.MarketData.BarSeries series) => Enumerable.Range(0, 3).Min(_ => AllocatedByRun(series));

    private static long AllocatedByRun(Engine.MarketData.BarSeries series)
    {
        var pipeline = new TradingPipeline(Setup(new Crossover()), [Btc], series.Count);
        var before = GC.GetAllocatedBytesForCurrentThread();
        pipeline.Run([series]);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Flips long and short every 7 bars: plenty of orders, fills and closed trades.</summary>
    private sealed class Crossover : IStrategy
    {
        private Sdk.Context.IStrategyContext _context = null!;
        private int _bar;

        public PluginMetadata Metadata { get; } = new()
        {
            Id = "flip",
            Version = "1.0.0",
            Kind = PluginKind.Strategy,
            SdkVersionRange = "[0.1.0, 1.0.0)",
        };

        public void Initialize(Sdk.Context.IStrategyContext context) => _context = context;

        public void OnBar(Instrument instrument, in Bar bar)
        {
            if (_bar++ % 7 == 0)
            {
                _context.Emit(new Signal(instrument, (_bar / 7) % 2 == 0 ? SignalDirection.Long : SignalDirection.Short));
            }
        }
    }
}
