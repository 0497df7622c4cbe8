namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>What a plugin says about itself; the host reads it before wiring the plugin in.</summary>
public sealed record PluginMetadata
{
    /// <summary>Stable identifier, lower-case with dashes, e.g. <c>sma-crossover</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The plugin's own semantic version, e.g. <c>1.2.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The role it plays.</summary>
    public required PluginKind Kind { get; init; }

    /// <summary>
    /// The SDK versions it works with, in NuGet range syntax, e.g. <c>[0.1.0, 1.0.0)</c>.
    /// The host refuses to load it under an SDK outside the range.
    /// </summary>
    public required string SdkVersionRange { get; init; }

    /// <summary>One sentence for people choosing a plugin.</summary>
    public string Description { get; init; } = "";

    /// <summary>Parameters it reads from its context, with types, defaults and ranges.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];

    /// <summary>What it needs beyond computing.</summary>
    public PluginCapabilities Capabilities { get; init; }
}
