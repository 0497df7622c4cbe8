using CryptoOrchestrator.Plugins.Status;
using NuGet.Versioning;

namespace CryptoOrchestrator.Plugins;

/// <summary>How <see cref="PluginCatalogBuilder"/> loads and admits plugins.</summary>
public sealed record PluginCatalogOptions
{
    /// <summary>The SDK version every plugin's SDK range must include.</summary>
    public NuGetVersion SdkVersion { get; init; } = Plugins.SdkVersion.Current;

    /// <summary>Where shadow copies and extracted packages go; default <c>&lt;pluginsDirectory&gt;/../cache/plugins</c>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>When set, plugins it marks Disabled, or Malfunctioned in the same version, are left out and listed in <see cref="PluginCatalog.Excluded"/>.</summary>
    public PluginStatusStore? StatusStore { get; init; }

    /// <summary>The default cache directory for a plugins directory: a sibling <c>cache/plugins</c> folder.</summary>
    public static string DefaultCacheDirectory(string pluginsDirectory) =>
        Path.GetFullPath(Path.Combine(pluginsDirectory, "..", "cache", "plugins"));

    /// <summary>
    /// The default status file for a plugins directory: <c>state/plugin-status.json</c> beside it, so the CLI,
    /// a backtest and a running host all honour the same enable/disable decisions.
    /// </summary>
    public static string DefaultStatusFile(string pluginsDirectory) =>
        Path.GetFullPath(Path.Combine(pluginsDirectory, "..", "state", "plugin-status.json"));
}
