namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>
/// Metadata names of the SDK types the rules key on. They are resolved per compilation, so a project
/// that does not reference the SDK resolves nothing and is left alone.
/// </summary>
internal static class SdkTypeNames
{
    public const string Plugin = "CryptoOrchestrator.Sdk.Plugins.IPlugin";
    public const string Strategy = "CryptoOrchestrator.Sdk.Plugins.IStrategy";
    public const string Exchange = "CryptoOrchestrator.Sdk.Plugins.IExchange";
    public const string PluginContext = "CryptoOrchestrator.Sdk.Context.IPluginContext";
}
