using System.Diagnostics;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Backtesting;

/// <summary>Runs a pipeline over historical bars and gathers the result.</summary>
public static class Backtest
{
    /// <summary>
    /// Backtests <paramref name="setup"/> on <paramref name="feeds"/>. Extra sinks (writers,
    /// live views) see every event; the result is the same with or without them.
    /// </summary>
    public static BacktestResult Run(
        PipelineSetup setup,
        IReadOnlyList<BarSeries> feeds,
        IProgress<double>? progress = null,
        IEnumerable<IEngineEventSink>? sinks = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(feeds);
        if (feeds.Count == 0 || feeds.All(f => f.Count == 0))
        {
            throw new ArgumentException("A backtest needs at least one bar.", nameof(feeds));
        }

        var stopwatch = Stopwatch.StartNew();
        var instruments = feeds.Select(f => f.Instrument).Distinct().ToArray();
        var steps = feeds.Sum(f => f.Count);
        var pipeline = new TradingPipeline(setup, instruments, steps);
        var recorder = new RunRecorder();
        pipeline.Events.Subscribe(recorder);
        foreach (var sink in sinks ?? [])
        {
            pipeline.Events.Subscribe(sink);
        }

        pipeline.Run(feeds, progress, cancellation);

        var report = pipeline.Tracker.BuildReport(pipeline.PeriodsPerYear, BuyAndHoldReturn(feeds[0]));
        return new BacktestResult
        {
            Report = report,
            EquityCurve = pipeline.Tracker.EquityCurve.ToArray(),
            Trades = recorder.Trades,
            OpenPositions = [.. instruments.Select(i => pipeline.Portfolio.GetPosition(i)).Where(p => !p.IsFlat)],
            OrderCount = recorder.Orders,
            FillCount = recorder.Fills,
            Rejections = recorder.Rejections,
            TotalFees = pipeline.Portfolio.TotalFees,
            Bars = steps,
            Elapsed = stopwatch.Elapsed,
        };
    }

    /// <summary>The return of buying at the first close and holding to the last, before fees.</summary>
    public static decimal BuyAndHoldReturn(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var bars = series.Bars;
        if (bars.Length == 0 || bars[0].Close.IsZero)
        {
            return 0m;
        }

        return (bars[^1].Close.ToDecimal() / bars[0].Close.ToDecimal()) - 1m;
    }
}
