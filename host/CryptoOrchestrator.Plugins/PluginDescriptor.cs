using CryptoOrchestrator.Sdk.Plugins;
using NuGet.Versioning;

namespace CryptoOrchestrator.Plugins;

/// <summary>A plugin that passed every check: what it is, where it came from, and how to create it.</summary>
public sealed class PluginDescriptor
{
    internal PluginDescriptor(PluginMetadata metadata, NuGetVersion version, VersionRange sdkVersionRange, string sourceFile, Type pluginType, Func<IPlugin> factory)
    {
        Metadata = metadata;
        Version = version;
        SdkVersionRange = sdkVersionRange;
        SourceFile = sourceFile;
        PluginType = pluginType;
        Factory = factory;
    }

    /// <summary>The plugin's id, e.g. <c>sma-crossover</c>.</summary>
    public string Id => Metadata.Id;

    /// <summary>The plugin's own version.</summary>
    public NuGetVersion Version { get; }

    /// <summary>The role it plays; its type implements the matching interface.</summary>
    public PluginKind Kind => Metadata.Kind;

    /// <summary>The SDK versions it declares it works with.</summary>
    public VersionRange SdkVersionRange { get; }

    /// <summary>Everything the plugin declared, as read from the instance created during discovery.</summary>
    public PluginMetadata Metadata { get; }

    /// <summary>The assembly file the plugin was loaded from.</summary>
    public string SourceFile { get; }

    /// <summary>The plugin's concrete type.</summary>
    public Type PluginType { get; }

    /// <summary>Creates a fresh instance each call; exceptions from the plugin's constructor propagate unwrapped.</summary>
    public Func<IPlugin> Factory { get; }

    /// <summary>A fresh instance of the plugin.</summary>
    public IPlugin Create() => Factory();

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Version.ToNormalizedString()} ({Kind})";
}
