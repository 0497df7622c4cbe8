using CryptoOrchestrator.Engine.Execution;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Tests.Pipeline;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Execution;

public class ExecutionAllocationTests
{
    // One-unit lots and no minimum notional: a TWAP of one coin can send a child on every bar of the run.
    private static readonly Instrument FineBtc = new("BTCUSDT", "BTC", "USDT", Price.FromDecimal(0.01m), Quantity.FromUnits(1), 0m);

    [Fact]
    public void WorkingTwap_AllocatesNothingPerBar()
    {
        AllocatedByRun(Bars.RandomWalk(FineBtc, 5, 20_000)); // JIT and tier-up outside the measurement.

        var fewBars = LeastOfThree(Bars.RandomWalk(FineBtc, 5, 20_000));
        var manyBars = LeastOfThree(Bars.RandomWalk(FineBtc, 5, 200_000));

        // As for the direct path: the runtime's occasional kilobyte is tolerated, one object per bar (4 MB) is not.
        Assert.True(manyBars - fewBars < 4_096, $"{fewBars} bytes over 20,000 bars but {manyBars} over 200,000");
    }

    /// <summary>The least of three fresh runs: the runtime's own occasional allocations on the thread are not the pipeline's.</summary>
    private static long LeastOfThree(Engine.MarketData.BarSeries series) => Enumerable.Range(0, 3).Min(_ => AllocatedByRun(series));

    private static long AllocatedByRun(BarSeries series)
    {
        var strategy = new LongOnceStrategy();
        var pipeline = new TradingPipeline(Setup(strategy) with { Execution = () => new TwapExecution(1_000_000) }, [FineBtc], series.Count);
        var before = GC.GetAllocatedBytesForCurrentThread();
        pipeline.Run([series]);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Every bar after the first sent and filled one child of one unit.
        Assert.Equal(series.Count - 1, strategy.Fills);
        return allocated;
    }

    /// <summary>Goes long on the first bar and counts its fills; keeps nothing per bar.</summary>
    private sealed class LongOnceStrategy : IStrategy
    {
        private IStrategyContext _context = null!;
        private bool _signalled;

        public int Fills { get; private set; }

        public PluginMetadata Metadata { get; } = new()
        {
            Id = "long-once",
            Version = "1.0.0",
            Kind = PluginKind.Strategy,
            SdkVersionRange = "[0.1.0, 1.0.0)",
        };

        public void Initialize(IStrategyContext context) => _context = context;

        public void OnBar(Instrument instrument, in Bar bar)
        {
            if (!_signalled)
            {
                _signalled = true;
                _context.Emit(new Signal(instrument, SignalDirection.Long));
            }
        }

        public void OnFill(in Fill fill) => Fills++;
    }
}
