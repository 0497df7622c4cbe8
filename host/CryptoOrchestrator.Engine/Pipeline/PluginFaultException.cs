namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>A plugin threw; the message names the plugin and what it was doing.</summary>
public sealed class PluginFaultException : Exception
{
    /// <summary>Wraps what <paramref name="pluginId"/> threw during <paramref name="phase"/>.</summary>
    public PluginFaultException(string pluginId, string phase, Exception inner)
        : base($"Plugin '{pluginId}' failed in {phase}: {inner?.Message}", inner)
    {
        PluginId = pluginId;
        Phase = phase;
    }

    /// <summary>The plugin that threw.</summary>
    public string PluginId { get; }

    /// <summary>The call it threw from, e.g. OnBar.</summary>
    public string Phase { get; }
}
