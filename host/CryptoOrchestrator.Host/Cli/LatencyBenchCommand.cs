using System.CommandLine;
using System.Globalization;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Host.Bench;
using CryptoOrchestrator.Host.Output;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Persistence;
using BotStatus = CryptoOrchestrator.Runtime.Bots.BotStatus;
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
    private const string BotId = "bench-latency";

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
    /// The configurations measured, each on a fresh bot manager: without a store, and with the host's SQLite journal
    /// (every order committed before it is sent, progress checkpointed every 1,000 steps or second) at each durability.
    /// </summary>
    private static IReadOnlyList<LatencyCase> Cases() =>
    [
        new("paper bot, no journal", _ => Task.FromResult<IStore?>(null)),
        new("paper bot, SQLite journal (fsync per commit)", folder => OpenJournal(folder, SqliteDurability.PowerLoss)),
        new("paper bot, SQLite journal (no fsync)", folder => OpenJournal(folder, SqliteDurability.ProcessCrash)),
    ];

    /// <summary>The host's own journal: a SQLite file in WAL mode, one commit before each order is sent.</summary>
    private static async Task<IStore?> OpenJournal(string folder, SqliteDurability durability) =>
        await Stores.OpenAsync(new StoreOptions
        {
            Provider = StoreProvider.Sqlite,
            ConnectionString = Path.Combine(Directory.CreateDirectory(folder).FullName, "journal.db"),
            SqliteDurability = durability,
        }).ConfigureAwait(false);

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

            errors.WriteLine($"bench latency: {bars.Length:N0} bars, an order every {settings.Every} bars, {settings.WarmUp:N0} warm-up orders; load average before: {MachineLoad.Now()}");
            var table = new SummaryTable($"Event-to-order latency, {settings.Orders:N0} orders (bar handed to the bot → order at the exchange)");
            var cases = Cases();
            for (var i = 0; i < cases.Count; i++)
            {
                var latencyCase = cases[i];
                var seconds = MeasureAsync(host, latencyCase, Path.Combine(root, $"case-{i}"), instrument, bars, settings).GetAwaiter().GetResult();
                table.Row($"{latencyCase.Name}: p50 / p90 / p99", $"{Us(Percentiles.Of(seconds, 0.50))} / {Us(Percentiles.Of(seconds, 0.90))} / {Us(Percentiles.Of(seconds, 0.99))}")
                    .Row($"{latencyCase.Name}: p99.9 / max", $"{Us(Percentiles.Of(seconds, 0.999))} / {Us(seconds[^1])}")
                    .Row($"{latencyCase.Name}: mean", Us(seconds.Average()));
            }

            errors.WriteLine($"bench latency: load average after: {MachineLoad.Now()}");
            output.WriteLine(table.ToString());
            return 0;
        }
        finally
        {
            BenchFolder.Delete(root);
        }
    }

    /// <summary>Runs one paper bot over <paramref name="bars"/> and returns its measured latencies, in seconds, sorted.</summary>
    private static async Task<double[]> MeasureAsync(PluginHost host, LatencyCase latencyCase, string folder, Instrument instrument, Bar[] bars, LatencySettings settings)
    {
        var expected = settings.WarmUp + settings.Orders;
        using var samples = new LatencySamples(BotId, expected);
        await using var bus = new InProcessEventBus(new EventBusOptions());
        var store = await latencyCase.OpenStore(folder).ConfigureAwait(false);
        try
        {
            return await RunBotAsync(host, bus, store, folder, instrument, bars, settings, samples).ConfigureAwait(false);
        }
        finally
        {
            if (store is not null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<double[]> RunBotAsync(
        PluginHost host, InProcessEventBus bus, IStore? store, string folder, Instrument instrument, Bar[] bars, LatencySettings settings, LatencySamples samples)
    {
        var expected = settings.WarmUp + settings.Orders;
        await using var manager = new BotManager(host, bus, new BotManagerOptions { Store = store, BaseDirectory = Directory.CreateDirectory(folder).FullName });
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

    private static string Us(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:F1} µs");

    private sealed record LatencySettings(int Orders, int Every, int WarmUp, TimeSpan Pause);

    /// <summary>One configuration: the store the bot journals to (none: no journal), opened in the case's own folder.</summary>
    private sealed record LatencyCase(string Name, Func<string, Task<IStore?>> OpenStore);
}
