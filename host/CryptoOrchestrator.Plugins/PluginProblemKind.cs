namespace CryptoOrchestrator.Plugins;

/// <summary>Why a plugin, or a file that should hold one, did not make it into the catalog.</summary>
public enum PluginProblemKind
{
    /// <summary>The file is not a loadable .NET assembly (corrupt, wrong format, unreadable).</summary>
    Unreadable = 1,

    /// <summary>Built for another SDK: its SDK range excludes this host, or its types fail to load against this SDK.</summary>
    NotSupported = 2,

    /// <summary>Its constructor or its <c>Metadata</c> threw.</summary>
    Malfunctioned = 3,

    /// <summary>It breaks the plugin rules: bad id, version or range, duplicate parameters, wrong kind, no usable constructor.</summary>
    Invalid = 4,

    /// <summary>Another plugin with the same id and a higher version was loaded instead.</summary>
    Superseded = 5,

    /// <summary>A plugin folder without its main assembly, an assembly without plugins, or a file outside any plugin folder.</summary>
    NoPlugin = 6,
}
