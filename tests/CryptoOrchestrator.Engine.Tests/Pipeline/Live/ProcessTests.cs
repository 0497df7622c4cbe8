using CryptoOrchestrator.Engine.Backtesting;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

public class ProcessTests
{
    private static readonly Instrument Eth = new("ETHUSDT", "ETH", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.001m), 5m);

    [Fact]
    public void BarByBar_GivesTheBacktestsEquityTradesAndOrders()
    {
        var series = Bars.RandomWalk(Btc, 21, 800);
        var backtestLog = new EventLog();
        var backtest = Backtest.Run(RandomSetup(), [series], sinks: [backtestLog]);

        var live = LiveRun.Of(RandomSetup(), series);

        Assert.True(backtest.Trades.Count > 20, $"only {backtest.Trades.Count} trades: the comparison would say little");
        Assert.Equal(backtest.EquityCurve, live.Pipeline.Tracker.EquityCurve.ToArray());
        Assert.Equal(backtest.Trades, live.Log.Trades.Select(t => t.Trade));
        Assert.Equal(backtestLog.Orders, live.Log.Orders);
        Assert.Equal(backtestLog.Fills, live.Log.Fills);
        Assert.Equal(backtestLog.Signals, live.Log.Signals);
        Assert.Equal(backtest.OpenPositions, [.. new[] { live.Pipeline.Portfolio.GetPosition(Btc) }.Where(p => !p.IsFlat)]);
        Assert.Equal(backtest.Report with { EquityCurve = [] }, live.Pipeline.Tracker.BuildReport(live.Pipeline.PeriodsPerYear, Backtest.BuyAndHoldReturn(series)) with { EquityCurve = [] });
    }

    [Fact]
    public void StepByStep_GivesTheMultiFeedBacktest()
    {
        var btc = Bars.RandomWalk(Btc, 5, 300);
        var eth = new BarSeries(Eth, Bars.RandomWalk(Eth, 6, 300).Bars.ToArray(), 300, Bars.Hour);
        var backtestLog = new EventLog();
        var backtest = Backtest.Run(RandomSetup(), [btc, eth], sinks: [backtestLog]);

        var live = new LiveRun(RandomSetup(), 300, Btc, Eth);
        for (var i = 0; i < 300; i++)
        {
            live.Pipeline.ProcessStep([Btc, Eth], [btc.Bars[i], eth.Bars[i]]);
        }

        Assert.Equal(backtest.EquityCurve, live.Pipeline.Tracker.EquityCurve.ToArray());
        Assert.Equal(backtestLog.Orders, live.Log.Orders);
        Assert.Equal(backtestLog.Fills, live.Log.Fills);
        Assert.Equal(backtestLog.Trades, live.Log.Trades);
    }

    [Fact]
    public void ProcessStep_RefusesBarsOfDifferentTimes_NamingThem()
    {
        var live = new LiveRun(RandomSetup(), 1, Btc, Eth);
        var btc = Bars.Closes(Btc, 100, 101);

        var error = Assert.Throws<ArgumentException>(() => live.Pipeline.ProcessStep([Btc, Eth], [btc.Bars[0], btc.Bars[1]]));

        Assert.Contains($"{btc.Bars[1].OpenTime}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_RefusesABarOlderThanTheLast()
    {
        var live = new LiveRun(RandomSetup(), 2, Btc);
        var bars = Bars.Closes(Btc, 100, 101);
        live.Pipeline.Process(Btc, bars.Bars[1]);

        var error = Assert.Throws<InvalidOperationException>(() => live.Pipeline.Process(Btc, bars.Bars[0]));

        Assert.Contains("cannot go back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeHistoryDepth_IsRefused_NamingTheSetting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TradingPipeline(RandomSetup() with { HistoryDepth = -1 }, [Btc], 1));

        Assert.Contains(nameof(PipelineSetup.HistoryDepth), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_AllocatesNothingPerBar_WithHistoryAndFaultContainment()
    {
        var series = Bars.RandomWalk(Btc, 3, 12_000);
        var setup = Setup(new FlipStrategy("flip")) with
        {
            Strategies =
            [
                TestMetadata.Registration(new FlipStrategy("flip")),
                TestMetadata.Registration(new FlipStrategy("limits", limits: true)),
            ],
            HistoryDepth = 64,
            FaultPolicy = FaultPolicy.ContinueWithout,
            FaultObserver = _ => { },
        };
        var pipeline = new TradingPipeline(setup, [Btc], series.Count);
        var next = 0;
        void FeedBars(int count)
        {
            for (var end = next + count; next < end; next++)
            {
                pipeline.Process(Btc, series.Bars[next]);
            }
        }

        FeedBars(2_000); // JIT, tier-up and every pool and ring grown to its working size.

        var allocated = AllocationProbe.Least(5, () => FeedBars(2_000));

        Assert.True(pipeline.Tracker.TradeCount > 1_000, $"only {pipeline.Tracker.TradeCount} trades");
        Assert.Equal(0, allocated);
    }

    private static PipelineSetup RandomSetup()
    {
        var strategy = new RandomStrategy();
        return new PipelineSetup
        {
            Strategies = [TestMetadata.Registration(strategy)],
            Sizer = new FixedFractionSizer(0.5m),
            Seed = 9,
        };
    }
}
