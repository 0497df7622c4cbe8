using System.Diagnostics.Metrics;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime;

/// <summary>
/// The host's metrics: one <see cref="Meter"/> named <c>CryptoOrchestrator</c>, served at <c>/metrics</c>. Counts
/// that grow with every market event are observable instruments, read from the bots' own counters when a listener
/// collects, so a bot's event path pays nothing for them whoever listens. The one per-order measurement,
/// <see cref="EventToOrderSeconds"/>, is recorded on the bot's thread without allocating.
/// Partial: other parts of the host add their instruments to the same meter in files of their own.
/// </summary>
public static partial class OrchestratorMetrics
{
    /// <summary>The meter's name, for listeners and exporters.</summary>
    public const string MeterName = "CryptoOrchestrator";

    /// <summary>The name of <see cref="EventToOrderSeconds"/>, for listeners that pick instruments by name.</summary>
    public const string EventToOrderSecondsName = "co_event_to_order_seconds";

    private static readonly Lock Gate = new();
    private static WeakReference<BotManager>[] _managers = [];

    /// <summary>The meter every instrument of the host belongs to.</summary>
    // Held by a class of its own so that instruments declared in other files of this partial class, whose
    // initialisers run in no guaranteed order relative to these, always find it created.
    public static Meter Meter => SharedMeter.Instance;

    /// <summary><c>co_events_processed</c> (tag <c>bot</c>): market events (bars) a bot has processed in its current run.</summary>
    public static ObservableCounter<long> EventsProcessed { get; } = Meter.CreateObservableCounter(
        "co_events_processed", ObserveEventsProcessed, "{event}", "Market events a bot has processed in its current run.");

    /// <summary>
    /// <c>co_orders</c> (tags <c>bot</c>, <c>state</c>): orders of a bot's current run that entered each state
    /// (New counts every order created, Filled every order filled, and so on).
    /// </summary>
    public static ObservableCounter<long> Orders { get; } = Meter.CreateObservableCounter(
        "co_orders", ObserveOrders, "{order}", "Orders of a bot's current run that entered each state.");

    /// <summary>
    /// <c>co_event_to_order_seconds</c> (tag <c>bot</c>): from a bar being handed to a bot (<see cref="Bot.Post"/>) to an
    /// order it led to being submitted to the exchange (the exchange's acknowledgement, which the paper exchange gives
    /// inside the submission).
    /// </summary>
    public static Histogram<double> EventToOrderSeconds { get; } = Meter.CreateHistogram<double>(
        EventToOrderSecondsName, "s", "From a bar handed to a bot to an order it led to being submitted to the exchange.");

    /// <summary><c>co_plugin_status</c> (tags <c>plugin</c>, <c>status</c>): 1 for each plugin's current status, 0 for the others.</summary>
    public static ObservableGauge<int> PluginStatus { get; } = Meter.CreateObservableGauge(
        "co_plugin_status", ObservePluginStatus, "{plugin}", "1 for each plugin's current status, 0 for its other statuses.");

    /// <summary><c>co_bots</c> (tag <c>status</c>): bots in each status.</summary>
    public static ObservableGauge<int> Bots { get; } = Meter.CreateObservableGauge(
        "co_bots", ObserveBots, "{bot}", "Bots in each status.");

    /// <summary>Reports <paramref name="manager"/>'s bots and plugins until it is disposed (or collected).</summary>
    internal static void Track(BotManager manager)
    {
        lock (Gate)
        {
            _managers = [.. _managers.Where(IsAlive), new WeakReference<BotManager>(manager)];
        }
    }

    /// <summary>Stops reporting <paramref name="manager"/>.</summary>
    internal static void Untrack(BotManager manager)
    {
        lock (Gate)
        {
            _managers = [.. _managers.Where(tracked => tracked.TryGetTarget(out var target) && target != manager)];
        }
    }

    private static bool IsAlive(WeakReference<BotManager> tracked) => tracked.TryGetTarget(out _);

    // Held weakly: a manager its owner forgot to dispose is not kept alive by its metrics.
    private static IEnumerable<BotManager> Managers
    {
        get
        {
            foreach (var tracked in Volatile.Read(ref _managers))
            {
                if (tracked.TryGetTarget(out var manager))
                {
                    yield return manager;
                }
            }
        }
    }

    private static IEnumerable<Measurement<long>> ObserveEventsProcessed()
    {
        foreach (var manager in Managers)
        {
            foreach (var bot in manager.MeteredBots())
            {
                if (bot.Run is { } run)
                {
                    yield return new Measurement<long>(run.EventsProcessed, Tag("bot", bot.Id));
                }
            }
        }
    }

    private static IEnumerable<Measurement<long>> ObserveOrders()
    {
        foreach (var manager in Managers)
        {
            foreach (var bot in manager.MeteredBots())
            {
                if (bot.Run is not { } run)
                {
                    continue;
                }

                foreach (var state in Enum.GetValues<OrderStatus>())
                {
                    yield return new Measurement<long>(run.Meters.OrdersEntering(state), Tag("bot", bot.Id), Tag("state", state.ToString()));
                }
            }
        }
    }

    private static IEnumerable<Measurement<int>> ObservePluginStatus()
    {
        // Several managers may share one plugin host: each plugin is reported once.
        foreach (var host in Managers.Select(manager => manager.Plugins).Distinct())
        {
            foreach (var record in host.Status.All)
            {
                foreach (var status in Enum.GetValues<PluginStatus>())
                {
                    yield return new Measurement<int>(record.Status == status ? 1 : 0, Tag("plugin", record.Id), Tag("status", status.ToString()));
                }
            }
        }
    }

    private static IEnumerable<Measurement<int>> ObserveBots()
    {
        var counts = new int[Enum.GetValues<BotStatus>().Max(status => (int)status) + 1];
        foreach (var manager in Managers)
        {
            foreach (var bot in manager.MeteredBots())
            {
                counts[(int)bot.Status]++;
            }
        }

        foreach (var status in Enum.GetValues<BotStatus>())
        {
            yield return new Measurement<int>(counts[(int)status], Tag("status", status.ToString()));
        }
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private static class SharedMeter
    {
        public static readonly Meter Instance = new(MeterName);
    }
}
