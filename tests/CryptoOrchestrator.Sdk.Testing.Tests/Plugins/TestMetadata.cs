using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

/// <summary>Metadata for the plugins these tests write.</summary>
internal static class TestMetadata
{
    public static PluginMetadata For(string id, PluginKind kind, params ParameterDefinition[] parameters) => new()
    {
        Id = id,
        Version = "1.0.0",
        Kind = kind,
        SdkVersionRange = "[0.3.0, 1.0.0)",
        Parameters = parameters,
    };
}
