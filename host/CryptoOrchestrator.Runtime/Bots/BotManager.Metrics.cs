using CryptoOrchestrator.Runtime.Hosting;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>What <see cref="OrchestratorMetrics"/> reads of the manager when metrics are collected.</summary>
public sealed partial class BotManager
{
    /// <summary>The plugin host the manager's bots run on.</summary>
    internal PluginHost Plugins => _plugins;

    /// <summary>Every bot's id, status and current (or last) run; a snapshot, taken without waiting on any bot.</summary>
    internal IReadOnlyList<MeteredBot> MeteredBots()
    {
        ManagedBot[] bots;
        lock (_gate)
        {
            bots = [.. _bots.Values];
        }

        var metered = new MeteredBot[bots.Length];
        for (var i = 0; i < bots.Length; i++)
        {
            lock (bots[i].State)
            {
                metered[i] = new MeteredBot(bots[i].Id, bots[i].Status, bots[i].Bot);
            }
        }

        return metered;
    }
}
