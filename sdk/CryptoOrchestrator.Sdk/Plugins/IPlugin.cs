namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>
/// What every plugin is. Plugins have a public parameterless constructor; the host creates
/// them, reads <see cref="Metadata"/>, then hands them a context.
/// </summary>
public interface IPlugin
{
    /// <summary>Identity, version, kind, parameters and capabilities.</summary>
    PluginMetadata Metadata { get; }
}
