namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>How much of the plugin contract applies to a piece of code; a larger value includes the smaller.</summary>
internal enum PluginScope
{
    /// <summary>Not plugin code, or an exchange adapter, whose job is I/O.</summary>
    None = 0,

    /// <summary>Inside a type that implements IPlugin.</summary>
    Plugin = 1,

    /// <summary>Inside a type that implements IStrategy.</summary>
    Strategy = 2,
}
