using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

public class AllocationTests
{
    [Fact]
    public void SteadyStateRun_AllocatesNothingPerBar()
    {
        var series = Bars.RandomWalk(Btc, 3, 20_000);
        RunCrossover(series); // JIT and tier-up outside the measurement.

        var pipeline = new TradingPipeline(Setup(new Crossover()), [Btc], series.Count);
        var before = GC.GetAllocatedBytesForCurrentThread();
        pipeline.Run([series]);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1_024, $"{allocated} bytes allocated over {series.Count} bars");
    }

    private static void RunCrossover(Engine.MarketData.BarSeries series) =>
        new TradingPipeline(Setup(new Crossover()), [Btc], series.Count).Run([series]);

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
