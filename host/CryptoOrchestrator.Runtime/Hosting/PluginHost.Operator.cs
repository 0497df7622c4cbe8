using CryptoOrchestrator.Plugins;

namespace CryptoOrchestrator.Runtime.Hosting;

/// <summary>An operator's switches: disable and enable a plugin, told to whoever listens to <see cref="Changed"/>.</summary>
public sealed partial class PluginHost
{
    /// <summary>
    /// Disables <paramref name="pluginId"/> (kept in the status file): no new bot starts it until it is enabled.
    /// Raises <see cref="PluginStatusChanged"/>, so the bots that use it hear of it.
    /// </summary>
    public void Disable(string pluginId, string reason)
    {
        Status.Disable(pluginId, reason);
        Raise(new PluginStatusChanged(pluginId, PluginStatus.Disabled, reason));
    }

    /// <summary>
    /// Lifts a disable or a quarantine of <paramref name="pluginId"/>; raises <see cref="PluginStatusChanged"/> when its
    /// status changed (enabling an active plugin does nothing).
    /// </summary>
    public void Enable(string pluginId)
    {
        var before = Status.Find(pluginId)?.Status;
        Status.Enable(pluginId);
        if (Status.Find(pluginId) is { } after && after.Status != before)
        {
            Raise(new PluginStatusChanged(pluginId, after.Status, after.Reason));
        }
    }
}
