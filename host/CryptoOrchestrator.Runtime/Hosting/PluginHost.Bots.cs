using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Plugins.Status;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Watchdog;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Runtime.Hosting;

/// <summary>Bots: starting them on the active plugins, and what happens when one of their plugins fails.</summary>
public sealed partial class PluginHost
{
    /// <summary>Points of a bot's equity curve kept in memory (the store has its snapshots): an even sample of the whole run.</summary>
    public const int LiveEquityPoints = 4_096;

    /// <summary>
    /// Starts a bot on the active versions of its strategies. It runs on a thread of its own until its
    /// input completes or a fault halts it; post market events to it with <see cref="Bot.Post"/>.
    /// </summary>
    public Bot StartBot(BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Strategies.Count == 0)
        {
            throw new ArgumentException($"Bot '{options.Name}' has no strategies.", nameof(options));
        }

        var registrations = new StrategyRegistration[options.Strategies.Count];
        var generations = new LoadedPlugin[options.Strategies.Count];
        lock (_gate)
        {
            if (_bots.Any(binding => binding.Bot.Name == options.Name))
            {
                throw new ArgumentException($"A bot named '{options.Name}' is already running.", nameof(options));
            }

            for (var slot = 0; slot < registrations.Length; slot++)
            {
                var (plugin, generation) = Usable(options.Strategies[slot].PluginId);
                registrations[slot] = new StrategyRegistration(CreateStrategy(plugin), new ParameterSet(plugin.Metadata, options.Strategies[slot].Parameters))
                {
                    Weight = options.Strategies[slot].Weight,
                };
                generations[slot] = generation;
            }

            foreach (var generation in generations)
            {
                _generations.Acquire(generation);
            }
        }

        var name = options.Name;
        var setup = options.Pipeline with
        {
            Strategies = registrations,
            FaultPolicy = options.FaultPolicy,
            HistoryDepth = options.HistoryDepth,
            // A bot runs until stopped: its tracker keeps fixed memory however long that is.
            MaxEquityPoints = options.Pipeline.MaxEquityPoints > 0 ? options.Pipeline.MaxEquityPoints : LiveEquityPoints,
            FaultObserver = fault => Quarantine(name, fault.PluginId, $"threw {fault.ExceptionType} in {fault.Phase}: {fault.Message}"),
        };

        TradingPipeline pipeline;
        try
        {
            pipeline = new TradingPipeline(setup, options.Instruments, expectedSteps: 4_096);
        }
        catch (PluginFaultException e)
        {
            Quarantine(name, e.PluginId, Because(e));
            ReleaseAll(generations);
            throw;
        }

        var bot = new Bot(options, pipeline, (b, fault) => Quarantine(b.Name, fault.PluginId, Because(fault)));
        var binding = new BotBinding(bot, generations);
        lock (_gate)
        {
            _bots.Add(binding);
        }

        _watchdog.Add(bot);
        bot.Completion.ContinueWith(_ => OnBotFinished(binding), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        bot.Start();
        return bot;
    }

    /// <summary>The active version of a strategy a new bot may start; under <see cref="_gate"/>.</summary>
    private (PluginDescriptor Plugin, LoadedPlugin Generation) Usable(string id)
    {
        if (Status.Find(id) is { Status: PluginStatus.Disabled or PluginStatus.Malfunctioned } record)
        {
            throw new InvalidOperationException($"Plugin '{id}' is {record.Status}: {record.Reason}. Enable it with 'orchestrator plugins enable {id}'.");
        }

        if (!_active.TryGetValue(id, out var active))
        {
            var known = string.Join(", ", _active.Keys.Order(StringComparer.Ordinal));
            var why = Status.Find(id) is { } r ? $" It is {r.Status}: {r.Reason}." : "";
            throw new InvalidOperationException($"No active plugin '{id}'.{why} Active: {(known.Length == 0 ? "none" : known)}.");
        }

        if (active.Descriptor.Kind != PluginKind.Strategy)
        {
            throw new InvalidOperationException($"Plugin '{id}' is a {active.Descriptor.Kind} plugin, not a strategy.");
        }

        return (active.Descriptor, active.Generation);
    }

    private IStrategy CreateStrategy(PluginDescriptor plugin)
    {
        try
        {
            return (IStrategy)plugin.Create();
        }
        catch (Exception e)
        {
            var fault = new PluginFaultException(plugin.Id, "constructor", e);
            Quarantine("-", plugin.Id, Because(fault));
            throw fault;
        }
    }

    private void OnBotFinished(BotBinding binding)
    {
        _watchdog.Remove(binding.Bot);
        lock (_gate)
        {
            _bots.Remove(binding);
        }

        // The finished pipeline keeps no plugin instance, so the generations can go.
        binding.Bot.Pipeline.DetachStrategies();
        ReleaseAll(binding.Generations);
        if (binding.Bot.State == BotState.Halted)
        {
            Raise(new BotHalted(binding.Bot.Name, binding.Bot.HaltReason ?? "halted"));
        }
    }

    private void ReleaseAll(IEnumerable<LoadedPlugin> generations)
    {
        lock (_gate)
        {
            foreach (var generation in generations)
            {
                _generations.Release(generation);
            }
        }
    }

    /// <summary>Marks a host-loaded plugin Malfunctioned (built-ins such as the default sizer have no status).</summary>
    private void Quarantine(string bot, string pluginId, string reason)
    {
        ActivePlugin? active;
        lock (_gate)
        {
            _active.TryGetValue(pluginId, out active);
        }

        if (active is null)
        {
            return;
        }

        var version = active.Descriptor.Version.ToNormalizedString();
        Status.Set(new PluginStatusRecord(pluginId, PluginStatus.Malfunctioned, $"bot {bot}: {reason}", version, active.Generation.SourcePath, DateTimeOffset.UtcNow));
        Raise(new PluginQuarantined(bot, pluginId, reason));
    }

    private void OnCallbackOverrun(CallbackOverrun overrun)
    {
        var reason = $"{overrun.Phase} ran past its {overrun.Bot.Options.CallbackBudget.TotalMilliseconds:0.#} ms budget";
        overrun.Bot.Pipeline.Quarantine(overrun.PluginId, reason);
        Quarantine(overrun.Bot.Name, overrun.PluginId, reason);
        if (overrun.Bot.Options.FaultPolicy == FaultPolicy.Halt)
        {
            overrun.Bot.Halt($"Plugin '{overrun.PluginId}' {reason}.");
        }
    }

    private void OnCallbackHung(CallbackOverrun overrun) =>
        overrun.Bot.Halt(
            $"Plugin '{overrun.PluginId}' has not returned from {overrun.Phase} after {overrun.Running.TotalMilliseconds:0} ms. " +
            "A thread cannot be stopped in-process, so the bot is halted and its thread abandoned.");

    private static string Because(PluginFaultException fault) =>
        fault.InnerException is { } inner ? $"threw {inner.GetType().Name} in {fault.Phase}: {inner.Message}" : fault.Message;
}
