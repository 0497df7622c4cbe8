using System.Diagnostics;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Runtime.Hosting;

/// <summary>Hot reload: a new generation of one source, swapped into every bot that runs its strategies.</summary>
public sealed partial class PluginHost
{
    /// <summary>One reload of one source; keeps the events it raised, in order, for the caller.</summary>
    private sealed class ReloadScope(PluginHost host)
    {
        public List<PluginHostEvent> Events { get; } = [];

        public async Task RunAsync(string path, PluginSourceKind kind)
        {
            var generation = host._loader.Load(path, kind);
            host.RecordProblems(generation, isReload: true, Report);
            var admitted = new List<PluginDescriptor>();
            var refusals = new List<PluginHostEvent>();
            lock (host._gate)
            {
                foreach (var plugin in generation.Plugins)
                {
                    if (host.Admissible(plugin, generation, isReload: true, out var refusal))
                    {
                        admitted.Add(plugin);
                    }
                    else if (refusal is not null)
                    {
                        refusals.Add(refusal);
                    }
                }

                if (admitted.Count == 0)
                {
                    host._generations.Retire(generation);
                }
                else
                {
                    // Held while the swaps run, so a bot finishing meanwhile cannot unload it under them.
                    host._generations.Acquire(generation);
                }
            }

            refusals.ForEach(Report);
            if (admitted.Count == 0)
            {
                return;
            }

            try
            {
                foreach (var plugin in admitted)
                {
                    var (bots, accepted) = await SwapIntoBotsAsync(plugin, generation).ConfigureAwait(false);
                    if (bots > 0 && accepted == 0)
                    {
                        Report(new PluginRejected(path, plugin.Id, PluginStatus.Active, $"every bot running it refused version {plugin.Version.ToNormalizedString()}; the running version stays"));
                        continue;
                    }

                    PluginActivated activated;
                    lock (host._gate)
                    {
                        activated = host.Activate(plugin, generation);
                    }

                    Report(activated);
                }
            }
            finally
            {
                lock (host._gate)
                {
                    host._generations.Release(generation);
                }
            }
        }

        private async Task<(int Bots, int Accepted)> SwapIntoBotsAsync(PluginDescriptor plugin, LoadedPlugin generation)
        {
            List<(BotBinding Binding, int Slot)> targets;
            lock (host._gate)
            {
                targets = [.. host._bots.SelectMany(binding => Enumerable.Range(0, binding.Generations.Length)
                    .Where(slot => binding.Strategy(slot).PluginId == plugin.Id)
                    .Select(slot => (binding, slot)))];
            }

            var accepted = 0;
            foreach (var (binding, slot) in targets)
            {
                if (await SwapAsync(binding, slot, plugin, generation).ConfigureAwait(false))
                {
                    accepted++;
                }
            }

            return (targets.Count, accepted);
        }

        /// <summary>Creates the new instance off the bot's thread, then swaps it in at the bot's next event boundary.</summary>
        private async Task<bool> SwapAsync(BotBinding binding, int slot, PluginDescriptor plugin, LoadedPlugin generation)
        {
            var bot = binding.Bot;
            IStrategy replacement;
            ParameterSet parameters;
            try
            {
                parameters = new ParameterSet(plugin.Metadata, binding.Strategy(slot).Parameters);
                replacement = (IStrategy)plugin.Create();
            }
            catch (Exception e)
            {
                Report(new SwapRejected(bot.Name, plugin.Id, generation.ContextName, $"{e.GetType().Name}: {e.Message}"));
                return false;
            }

            (StrategySwapReport? Report, TimeSpan Pause) swap;
            try
            {
                swap = await bot.InvokeAsync(pipeline => Swap(pipeline, slot, replacement, parameters)).ConfigureAwait(false);
            }
            catch (StrategySwapRejectedException e)
            {
                Report(new SwapRejected(bot.Name, plugin.Id, generation.ContextName, e.Message));
                return false;
            }
            catch (InvalidOperationException) when (bot.State != BotState.Running)
            {
                // The bot stopped before its next event boundary: there is nothing left to swap.
                return false;
            }

            if (swap.Report is null)
            {
                Report(new SwapRejected(bot.Name, plugin.Id, generation.ContextName, "the plugin is quarantined in this bot"));
                return false;
            }

            LoadedPlugin previous;
            lock (host._gate)
            {
                previous = binding.Generations[slot];
                binding.Generations[slot] = generation;
                host._generations.Acquire(generation);
                host._generations.Release(previous);
            }

            Report(new StrategySwapped(bot.Name, plugin.Id, previous.ContextName, generation.ContextName, swap.Report.Mode, swap.Pause));
            return true;
        }

        // Runs on the bot's thread, between two events: the time it takes is the pause the bot sees.
        private static (StrategySwapReport? Report, TimeSpan Pause) Swap(TradingPipeline pipeline, int slot, IStrategy replacement, ParameterSet parameters)
        {
            if (pipeline.IsQuarantined(slot))
            {
                return (null, TimeSpan.Zero);
            }

            var started = Stopwatch.GetTimestamp();
            var report = pipeline.SwapStrategy(slot, replacement, parameters);
            return (report, Stopwatch.GetElapsedTime(started));
        }

        private void Report(PluginHostEvent change)
        {
            Events.Add(change);
            host.Raise(change);
        }
    }
}
