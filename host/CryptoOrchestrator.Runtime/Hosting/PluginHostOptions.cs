using CryptoOrchestrator.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoOrchestrator.Runtime.Hosting;

/// <summary>Where a <see cref="PluginHost"/> finds plugins and keeps its files, and how it reloads them.</summary>
public sealed record PluginHostOptions
{
    /// <summary>The folder of installed plugins: build-output folders, <c>.nupkg</c> files and source folders.</summary>
    public required string PluginsDirectory { get; init; }

    /// <summary>Shadow copies and extracted packages; defaults to <c>cache/plugins</c> beside the plugins folder, as for discovery.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The plugin status file; defaults to <c>state/plugin-status.json</c> beside the plugins folder.</summary>
    public string? StatusFile { get; init; }

    /// <summary>Watch the plugins folder and swap new versions in as they appear.</summary>
    public bool WatchForChanges { get; init; } = true;

    /// <summary>Quiet time after the last file change of a plugin before it is reloaded (a build writes many files).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Garbage collections to wait for an unloaded context to be collected before calling it a leak.</summary>
    public int UnloadGcRounds { get; init; } = 20;

    /// <summary>Logging for the host and its plugins.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    internal string ResolvedCacheDirectory => CacheDirectory ?? PluginCatalogOptions.DefaultCacheDirectory(PluginsDirectory);

    internal string ResolvedStatusFile => StatusFile ?? PluginCatalogOptions.DefaultStatusFile(PluginsDirectory);
}
