using System.CommandLine;
using System.Globalization;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Host.Bench;
using CryptoOrchestrator.Host.Output;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Hosting;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Host.Cli;

/// <summary>
/// The <c>bench latency</c> command: event-to-order latency inside a paper bot run by a <see cref="BotManager"/>
/// exactly as <c>orchestrator run</c> runs one (its own thread, the full pipeline, the paper exchange, its events
/// published to an in-process bus), on a source strategy that turns its view over every Nth bar. The figures are
/// the bot's own <c>co_event_to_order_seconds</c> measurements: from the bar handed to the bot to the order
/// acknowledged by the exchange.
/// </summary>
internal static class LatencyBenchCommand
{
    private const string PluginId = "bench-every-nth";

    public static Command Create(TextWriter output, TextWriter errors)
    {
        var orders = new Option<int>("--orders") { Description = "Orders measured per case (after the warm-up).", DefaultValueFactory = _ => 100_000 };
        var every = new Option<int>("--every") { Description = "The strategy orders on every Nth bar.", DefaultValueFactory = _ => 5 };
        var warmUp = new Option<int>("--warm-up") { Description = "Orders before measuring, while the JIT settles.", DefaultValueFactory = _ => 10_000 };
        var pause = new Option<double>("--pause-us") { Description = "Microseconds the feed waits before each ordering bar, so it finds the bot idle.", DefaultValueFactory = _ => 200 };
        var command = new Command("latency", "Measures event-to-order latency inside a paper bot.") { orders, every, warmUp, pause };
        command.SetAction(parse => Run(
            new LatencySettings(parse.GetValue(orders), parse.GetValue(every), parse.GetValue(warmUp), TimeSpan.FromMicroseconds(parse.GetValue(pause))),
            output, errors));
        return command;
    }

    /// <summary>
    /// The configurations measured, each on a fresh bot manager. Variants of the bot's set-up (an order journal in
    /// a store, say) are further cases here: each changes only the manager's options.
    /// </summary>
    private static IReadOnlyList<LatencyCase> Cases() =>
    [
        new("paper bot, no journal", options => options),
    ];

    private static int Run(LatencySettings settings, TextWriter output, TextWriter errors)
    {
        if (settings.Orders < 100 || settings.Every < 1 || settings.WarmUp < 0 || settings.Pause < TimeSpan.Zero)
        {
            throw new UsageException("--orders must be at least 100, --every at least 1, --warm-up and --pause-us not negative.");
        }

        var root = Path.Combine(Path.GetTempPath(), $"orchestrator-latency-bench-{Environment.ProcessId}");
        try
        {
            var pluginsDirectory = Directory.CreateDirectory(Path.Combine(root, "plugins")).FullName;
            BenchSources.Install("EveryNthBarStrategy.cs", Path.Combine(pluginsDirectory, "EveryNthBar"));
            using var host = new PluginHost(new PluginHostOptions { PluginsDirectory = pluginsDirectory, CacheDirectory = Path.Combine(root, "cache"), WatchForChanges = false });
            host.Start();
            var instrument = Instrument.Spot("BTCUSDT");
            var bars = SyntheticBarGenerator.Generate(instrument, new SyntheticBarOptions
            {
                Seed = 42,
                Count = (settings.WarmUp + settings.Orders) * settings.Every,
                StartPrice = Price.FromDecimal(20_000m),
                StartTime = 1_672_531_200_000,
                IntervalMs = 60_000,
            }).Bars.ToArray();

            errors.WriteLine($"bench latency: {bars.Length:N0} bars, an order every {settings.Every} bars, {settings.WarmUp:N0} warm-up orders; load average before: {LoadAverage()}");
            var table = new SummaryTable($"Event-to-order latency, {settings.Orders:N0} orders (bar handed to the bot → order at the exchange)");
            foreach (var latencyCase in Cases())
            {
                var seconds = MeasureAsync(host, latencyCase, instrument, bars, settings).GetAwaiter().GetResult();
                table.Row($"{latencyCase.Name}: p50 / p90 / p99", $"{Us(Percentile(seconds, 0.50))} / {Us(Percentile(seconds, 0.90))} / {Us(Percentile(seconds, 0.99))}")
                    .Row($"{latencyCase.Name}: p99.9 / max", $"{Us(Percentile(seconds, 0.999))} / {Us(seconds[^1])}")
                    .Row($"{latencyCase.Name}: mean", Us(seconds.Average()));
            }

            errors.WriteLine($"bench latency: load average after: {LoadAverage()}");
            output.WriteLine(table.ToString());
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Shadow copies of contexts not yet collected; the temp folder is the OS's to clean.
            }
        }
    }

    /// <summary>Runs one paper bot over <paramref name="bars"/> and returns its measured latencies, in seconds, sorted.</summary>
    private static async Task<double[]> MeasureAsync(PluginHost host, LatencyCase latencyCase, Instrument instrument, Bar[] bars, LatencySettings settings)
    {
        const string BotId = "bench-latency";
        var expected = settings.WarmUp + settings.Orders;
        using var samples = new LatencySamples(BotId, expected);
        await using var bus = new InProcessEventBus(new EventBusOptions());
        await using var manager = new BotManager(host, bus, latencyCase.Configure(new BotManagerOptions()));
        var feed = new LockstepFeed(instrument, bars, settings.Every, settings.Pause);
        manager.Create(new BotDefinition
        {
            Id = BotId,
            Strategies = [new StrategyDefinition { PluginId = PluginId, Parameters = new Dictionary<string, string> { ["every"] = settings.Every.ToString(CultureInfo.InvariantCulture) } }],
            Instruments = [instrument.Symbol],
            Sizing = "fixed:1",
            InitialCash = 1_000_000_000m,
        }, feed);
        await manager.StartAsync(BotId).ConfigureAwait(false);
        feed.Follow(manager.MeteredBots().Single(bot => bot.Id == BotId).Run
            ?? throw new InvalidOperationException($"Bot {BotId} did not start: {manager.Get(BotId).Reason}"));
        while (manager.Get(BotId).Status is BotStatus.Running or BotStatus.Paused)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        var info = manager.Get(BotId);
        if (info.Status != BotStatus.Stopped || samples.Count != expected)
        {
            throw new InvalidOperationException(
                $"Bot {BotId} ended {info.Status} ({info.Reason}) with {samples.Count:N0} orders timed; {expected:N0} were expected.");
        }

        return samples.SortedAfter(settings.WarmUp);
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * quantile) - 1, 0, sorted.Length - 1)];

    private static string Us(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:F1} µs");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private sealed record LatencySettings(int Orders, int Every, int WarmUp, TimeSpan Pause);

    private sealed record LatencyCase(string Name, Func<BotManagerOptions, BotManagerOptions> Configure);
}
