namespace CryptoOrchestrator.Plugins;

/// <summary>Where a plugin stands with the host; kept on disk with its reason.</summary>
public enum PluginStatus
{
    /// <summary>Loaded, checked and available to bots.</summary>
    Active,

    /// <summary>Turned off by an operator; not loaded until enabled again.</summary>
    Disabled,

    /// <summary>Incompatible: its SDK range excludes this host, or a type it needs is missing or conflicts.</summary>
    NotSupported,

    /// <summary>Threw while loading or running, or overran its time budget; quarantined until enabled again or replaced by a new version.</summary>
    Malfunctioned,

    /// <summary>A higher version of the same id is loaded instead.</summary>
    Superseded,
}
