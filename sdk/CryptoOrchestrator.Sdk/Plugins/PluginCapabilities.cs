namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>
/// What a plugin declares it needs beyond computing, for the operators who choose plugins. A
/// declaration, not a sandbox: in-process hosting cannot enforce it (see the plugin host docs).
/// </summary>
[Flags]
public enum PluginCapabilities
{
    /// <summary>Pure computation on what the context hands it.</summary>
    None = 0,

    /// <summary>Opens network connections.</summary>
    Network = 1,

    /// <summary>Needs exchange API keys.</summary>
    ExchangeKeys = 2,

    /// <summary>Reads or writes files outside its own folder.</summary>
    FileSystem = 4,
}
