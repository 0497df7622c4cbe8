using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine;

/// <summary>Metadata for the plugins that ship inside the engine, so they describe themselves like any other.</summary>
internal static class BuiltInPlugin
{
    /// <summary>The SDK range every built-in plugin supports: the SDK it was built with.</summary>
    public const string SdkRange = "[0.1.0, 1.0.0)";

    public static PluginMetadata Describe(string id, PluginKind kind, string description, params ParameterDefinition[] parameters) => new()
    {
        Id = id,
        Version = "1.0.0",
        Kind = kind,
        SdkVersionRange = SdkRange,
        Description = description,
        Parameters = parameters,
    };
}
