namespace CryptoOrchestrator.Plugins;

/// <summary>A plugin was asked for by an id the catalog does not hold (or holds as another kind).</summary>
public sealed class PluginNotFoundException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> should list what is available.</summary>
    public PluginNotFoundException(string pluginId, IReadOnlyList<string> availableIds, string message)
        : base(message)
    {
        PluginId = pluginId;
        AvailableIds = availableIds;
    }

    /// <summary>The id asked for.</summary>
    public string PluginId { get; }

    /// <summary>The ids that would have been found.</summary>
    public IReadOnlyList<string> AvailableIds { get; }
}
