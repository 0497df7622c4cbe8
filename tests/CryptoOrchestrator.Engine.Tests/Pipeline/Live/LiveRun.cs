using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

/// <summary>A pipeline fed bar by bar through <see cref="TradingPipeline.Process"/>, as a live bot feeds it, with every event logged.</summary>
internal sealed class LiveRun
{
    public LiveRun(PipelineSetup setup, int expectedSteps, params Instrument[] instruments)
    {
        Pipeline = new TradingPipeline(setup, instruments.Length == 0 ? [PipelineHarness.Btc] : instruments, expectedSteps);
        Pipeline.Events.Subscribe(Log);
    }

    public TradingPipeline Pipeline { get; }

    public EventLog Log { get; } = new();

    /// <summary>Builds a pipeline for <paramref name="series"/> and feeds it, calling <paramref name="beforeBar"/> with each bar's index first.</summary>
    public static LiveRun Of(PipelineSetup setup, BarSeries series, Action<TradingPipeline, int>? beforeBar = null)
    {
        var run = new LiveRun(setup, series.Count, series.Instrument);
        run.Feed(series, beforeBar);
        return run;
    }

    public void Feed(BarSeries series, Action<TradingPipeline, int>? beforeBar = null)
    {
        for (var i = 0; i < series.Count; i++)
        {
            beforeBar?.Invoke(Pipeline, i);
            Pipeline.Process(series.Instrument, series.Bars[i]);
        }
    }

    /// <summary>Asserts that two runs published the same events and ended with the same account and ledgers.</summary>
    public static void AssertSame(LiveRun expected, LiveRun actual)
    {
        Assert.Equal(expected.Log.Orders, actual.Log.Orders);
        Assert.Equal(expected.Log.Fills, actual.Log.Fills);
        Assert.Equal(expected.Log.Trades, actual.Log.Trades);
        Assert.Equal(expected.Log.Signals, actual.Log.Signals);
        Assert.Equal(expected.Log.Equity, actual.Log.Equity);
        Assert.Equal(expected.Pipeline.Tracker.EquityCurve.ToArray(), actual.Pipeline.Tracker.EquityCurve.ToArray());
        Assert.Equal(expected.Pipeline.Portfolio.Cash, actual.Pipeline.Portfolio.Cash);
        var portfolio = expected.Pipeline.Portfolio;
        for (var owner = -1; owner < portfolio.OwnerCount; owner++)
        {
            Assert.Equal(portfolio.Ledger(owner).Cash, actual.Pipeline.Portfolio.Ledger(owner).Cash);
        }

        for (var i = 0; i < portfolio.Instruments.Count; i++)
        {
            Assert.Equal(portfolio.GetPosition(i), actual.Pipeline.Portfolio.GetPosition(i));
            for (var owner = -1; owner < portfolio.OwnerCount; owner++)
            {
                Assert.Equal(portfolio.Ledger(owner).GetPosition(i), actual.Pipeline.Portfolio.Ledger(owner).GetPosition(i));
            }
        }
    }
}
