namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>What a plugin needs beyond computing; the host grants or refuses each at load time.</summary>
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
