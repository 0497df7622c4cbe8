namespace CryptoOrchestrator.Plugins;

/// <summary>The shapes a plugin takes on disk; each is loaded into a collectible context of its own.</summary>
public enum PluginSourceKind
{
    /// <summary>A build-output folder <c>&lt;plugins&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c> with its dependencies and <c>.deps.json</c>.</summary>
    Folder,

    /// <summary>A <c>.nupkg</c> file, extracted into the host's cache.</summary>
    Package,

    /// <summary>A folder of <c>.cs</c> files compiled by the host.</summary>
    Source,
}
