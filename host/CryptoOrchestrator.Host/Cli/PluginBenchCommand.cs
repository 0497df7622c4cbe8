using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Host.Bench;
using CryptoOrchestrator.Host.Output;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Plugins.Source;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Hosting;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Engine.MarketData;

namespace CryptoOrchestrator.Host.Cli;

/// <summary>
/// The <c>bench plugins</c> command: cold and warm load of a plugin folder, cold and warm compile of a
/// small source plugin, and the pause hot swaps impose on a bot that is busy with a stream of bars.
/// </summary>
internal static class PluginBenchCommand
{
    private const string SmaFolder = "CryptoOrchestrator.Strategies.SmaCrossover";

    public static Command Create(TextWriter output, TextWriter errors)
    {
        var swaps = new Option<int>("--swaps") { Description = "Hot swaps per case.", DefaultValueFactory = _ => 100 };
        var runs = new Option<int>("--runs") { Description = "Warm loads and compiles measured.", DefaultValueFactory = _ => 20 };
        var plugins = new Option<string>("--plugins") { Description = "Folder of installed plugins (the SMA crossover is taken from it).", DefaultValueFactory = _ => BacktestSettings.DefaultPlugins };
        var command = new Command("plugins", "Measures plugin load, source compile and hot-swap pause.") { swaps, runs, plugins };
        command.SetAction(parse => Run(parse.GetValue(swaps), parse.GetValue(runs), parse.GetValue(plugins)!, output, errors));
        return command;
    }

    private static int Run(int swaps, int runs, string installed, TextWriter output, TextWriter errors)
    {
        if (swaps < 2 || runs < 1)
        {
            throw new UsageException("--swaps must be at least 2 and --runs at least 1.");
        }

        var smaSource = Path.Combine(installed, SmaFolder);
        if (!Directory.Exists(smaSource))
        {
            throw new DirectoryNotFoundException($"The SMA crossover plugin is not installed in {installed}.");
        }

        var root = Path.Combine(Path.GetTempPath(), $"orchestrator-plugin-bench-{Environment.ProcessId}");
        try
        {
            var pluginsDirectory = Directory.CreateDirectory(Path.Combine(root, "plugins")).FullName;
            var sma = CopyFolder(smaSource, Path.Combine(pluginsDirectory, SmaFolder));
            var source = BenchSources.Install("BreakoutStrategy.cs", Path.Combine(pluginsDirectory, "Breakout"));

            errors.WriteLine($"bench plugins: {runs} warm loads and compiles, {swaps} swaps per case");
            var loader = new PluginLoader(new PluginLoaderOptions { CacheDirectory = Path.Combine(root, "cache") });
            var coldLoad = Time(() => loader.LoadFolder(sma).Unload());
            var warmLoad = Median(runs, () => loader.LoadFolder(sma).Unload());
            var coldCompile = Time(() => SourcePluginCompiler.Shared.Compile(source));
            var warmCompile = Median(runs, () => SourcePluginCompiler.Shared.Compile(source));

            using var host = new PluginHost(new PluginHostOptions { PluginsDirectory = pluginsDirectory, CacheDirectory = Path.Combine(root, "cache"), WatchForChanges = false });
            host.Start();
            var handoff = SwapPauses(host, "bench-breakout", source, swaps);
            var replay = SwapPauses(host, "sma-crossover", sma, swaps);

            output.WriteLine(new SummaryTable("Plugin host")
                .Row("Load SMA crossover folder: first in process", Ms(coldLoad))
                .Row($"Load SMA crossover folder: median of {runs}", Ms(warmLoad))
                .Row("Compile source plugin: first in process", Ms(coldCompile))
                .Row($"Compile source plugin: median of {runs}", Ms(warmCompile))
                .Row($"Swap pause, state handoff: p50 / p99 of {swaps}", $"{Ms(handoff.P50)} / {Ms(handoff.P99)}")
                .Row($"Swap pause, warm replay of 1,000 bars: p50 / p99 of {swaps}", $"{Ms(replay.P50)} / {Ms(replay.P99)}")
                .ToString());
            return 0;
        }
        finally
        {
            BenchFolder.Delete(root);
        }
    }

    /// <summary>Runs a bot on a steady stream of bars and swaps <paramref name="pluginId"/> into it <paramref name="swaps"/> times.</summary>
    private static (TimeSpan P50, TimeSpan P99) SwapPauses(PluginHost host, string pluginId, string sourcePath, int swaps)
    {
        var instrument = Instrument.Spot("BTCUSDT");
        var bars = SyntheticBarGenerator.Generate(instrument, new SyntheticBarOptions { Count = 200_000, Seed = 3 }).Bars.ToArray();
        var bot = host.StartBot(new BotOptions
        {
            Name = $"bench-{pluginId}",
            Strategies = [new BotStrategy(pluginId)],
            Instruments = [instrument],
            HistoryDepth = 1_000,
            Pipeline = new PipelineSetup { Strategies = [], Sizer = new FixedQuantitySizer(Quantity.FromWhole(1)), InitialCash = 100_000_000m },
        });
        using var stop = new CancellationTokenSource();
        var feeder = Task.Run(() =>
        {
            // Keeps a few hundred bars queued, so every swap lands between two events of a busy bot.
            for (var i = 0; i < bars.Length && !stop.IsCancellationRequested; i++)
            {
                while (i - bot.EventsProcessed > 500 && !stop.IsCancellationRequested)
                {
                    Thread.Yield();
                }

                bot.Post(instrument, bars[i]);
            }
        });

        var pauses = new List<TimeSpan>(swaps);
        for (var k = 0; k < swaps; k++)
        {
            var events = host.ReloadAsync(sourcePath).GetAwaiter().GetResult();
            pauses.AddRange(events.OfType<StrategySwapped>().Select(swap => swap.Pause));
        }

        stop.Cancel();
        feeder.GetAwaiter().GetResult();
        bot.CompleteInput();
        bot.Completion.GetAwaiter().GetResult();
        if (pauses.Count != swaps)
        {
            throw new InvalidOperationException($"Only {pauses.Count} of {swaps} swaps of {pluginId} went through.");
        }

        pauses.Sort();
        return (pauses[pauses.Count / 2], pauses[(int)Math.Ceiling(pauses.Count * 0.99) - 1]);
    }

    private static string CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        return to;
    }

    private static TimeSpan Time(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started);
    }

    private static TimeSpan Median(int runs, Action action)
    {
        var times = Enumerable.Range(0, runs).Select(_ => Time(action)).Order().ToList();
        return times[times.Count / 2];
    }

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:F2} ms");
}
