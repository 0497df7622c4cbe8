using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CryptoOrchestrator.Engine.Backtesting;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Host.Output;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Host.Cli;

/// <summary>
/// The <c>bench</c> command: the SMA(10/20) crossover plugin with 1-unit market orders over
/// one-minute bars through the full pipeline, (a) from bars in memory and (b) end to end from a
/// CSV file. Reports medians over several runs, as ratios are only fair within one run of the tool.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var bars = new Option<int>("--bars") { Description = "One-minute bars per run.", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Measured runs per case (after one warm-up).", DefaultValueFactory = _ => 7 };
        var plugins = new Option<string>("--plugins") { Description = "Folder of installed plugins.", DefaultValueFactory = _ => BacktestSettings.DefaultPlugins };
        var command = new Command("bench", "Measures backtest throughput and allocation; 'bench plugins' the plugin host, 'bench latency' a paper bot's event-to-order latency, 'bench api' the HTTP and WebSocket API.")
        {
            bars, runs, plugins, PluginBenchCommand.Create(output, errors), LatencyBenchCommand.Create(output, errors), ApiBenchCommand.Create(output, errors),
        };
        command.SetAction(parse => Run(parse.GetValue(bars), parse.GetValue(runs), parse.GetValue(plugins)!, output, errors));
        return command;
    }

    private static int Run(int barCount, int runs, string pluginsDirectory, TextWriter output, TextWriter errors)
    {
        if (barCount < 100 || runs < 1)
        {
            throw new UsageException("--bars must be at least 100 and --runs at least 1.");
        }

        var catalog = PluginCatalog.Discover(pluginsDirectory);
        var instrument = Instrument.Spot("BTCUSDT");
        var series = SyntheticBarGenerator.Generate(instrument, new SyntheticBarOptions
        {
            Seed = 42,
            Count = barCount,
            StartPrice = Price.FromDecimal(20_000m),
            StartTime = 1_672_531_200_000,
            IntervalMs = 60_000,
        });

        errors.WriteLine($"bench: {barCount:N0} one-minute bars, {runs} runs per case after a warm-up");
        var inMemory = Measure(runs, () => InMemoryRun(catalog, series));
        var csvPath = Path.Combine(Path.GetTempPath(), $"orchestrator-bench-{Environment.ProcessId}.csv");
        try
        {
            WriteCsv(csvPath, series);
            var fromCsv = Measure(runs, () => CsvRun(catalog, csvPath, instrument, useCache: false));
            var fromCache = Measure(runs, () => CsvRun(catalog, csvPath, instrument, useCache: true));
            output.WriteLine(new SummaryTable("SMA(10/20) crossover, 1-unit orders, full pipeline")
                .Row("Bars per run", barCount.ToString("N0", CultureInfo.InvariantCulture))
                .Row("Trades per run", inMemory.Trades.ToString("N0", CultureInfo.InvariantCulture))
                .Row("In memory: median time", $"{inMemory.Median.TotalMilliseconds:F1} ms")
                .Row("In memory: bars per second", Rate(barCount, inMemory.Median))
                .Row("In memory: bytes allocated per bar", $"{inMemory.BytesPerBar:F3}")
                .Row("CSV end to end: median time", $"{fromCsv.Median.TotalMilliseconds:F1} ms")
                .Row("CSV end to end: bars per second", Rate(barCount, fromCsv.Median))
                .Row("CSV via binary cache: median time", $"{fromCache.Median.TotalMilliseconds:F1} ms")
                .Row("CSV file size", $"{new FileInfo(csvPath).Length / 1e6:F1} MB")
                .ToString());
        }
        finally
        {
            File.Delete(csvPath);
            File.Delete(csvPath + BinaryBarCache.FileExtension);
        }

        return 0;
    }

    /// <summary>Builds the pipeline outside the timed section, then times only the event loop and its allocations.</summary>
    private static Sample InMemoryRun(PluginCatalog catalog, BarSeries series)
    {
        var pipeline = new TradingPipeline(Setup(catalog), [series.Instrument], series.Count);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        pipeline.Run([series]);
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var trades = pipeline.Tracker.BuildReport(pipeline.PeriodsPerYear, 0m).TradeCount;
        return new Sample(stopwatch.Elapsed, (double)allocated / series.Count, trades);
    }

    /// <summary>Times everything a user waits for: reading the file, building the pipeline, running it and the report.</summary>
    private static Sample CsvRun(PluginCatalog catalog, string csvPath, Instrument instrument, bool useCache)
    {
        var cachePath = csvPath + BinaryBarCache.FileExtension;
        if (!useCache)
        {
            File.Delete(cachePath);
        }
        else if (!File.Exists(cachePath))
        {
            BarSeriesLoader.Load(csvPath, new CsvReadOptions { Instrument = instrument });
        }

        var stopwatch = Stopwatch.StartNew();
        var options = new CsvReadOptions { Instrument = instrument };
        var series = useCache ? BarSeriesLoader.Load(csvPath, options) : CsvBarReader.Read(csvPath, options);
        var result = Backtest.Run(Setup(catalog), [series]);
        stopwatch.Stop();
        return new Sample(stopwatch.Elapsed, double.NaN, result.Trades.Count);
    }

    private static PipelineSetup Setup(PluginCatalog catalog)
    {
        var strategy = catalog.CreateStrategy("sma-crossover");
        return new PipelineSetup
        {
            Strategies = [new StrategyRegistration(strategy, new ParameterSet(strategy.Metadata, ["fast=10", "slow=20"]))],
            Sizer = new FixedQuantitySizer(Quantity.FromWhole(1)),
            Exchange = new SimulatedExchangeOptions { Commission = CommissionSchedule.Flat(0.001m) },
            InitialCash = 1_000_000m,
        };
    }

    private static CaseResult Measure(int runs, Func<Sample> run)
    {
        run();
        var samples = Enumerable.Range(0, runs).Select(_ => run()).ToArray();
        var times = samples.Select(s => s.Elapsed).Order().ToArray();
        var bytes = samples.Select(s => s.BytesPerBar).Order().ToArray();
        return new CaseResult(times[times.Length / 2], bytes[bytes.Length / 2], samples[0].Trades);
    }

    private static void WriteCsv(string path, BarSeries series)
    {
        using var writer = new StreamWriter(path, append: false, System.Text.Encoding.ASCII, bufferSize: 1 << 20);
        writer.Write("open_time,open,high,low,close,volume,close_time\n");
        foreach (var bar in series.Bars)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{bar.OpenTime},{bar.Open},{bar.High},{bar.Low},{bar.Close},{bar.Volume},{bar.CloseTime}\n"));
        }
    }

    private static string Rate(int bars, TimeSpan elapsed) =>
        (bars / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);

    private readonly record struct Sample(TimeSpan Elapsed, double BytesPerBar, int Trades);

    private readonly record struct CaseResult(TimeSpan Median, double BytesPerBar, int Trades);
}
