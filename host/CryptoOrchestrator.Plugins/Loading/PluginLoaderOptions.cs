using NuGet.Frameworks;
using NuGet.Versioning;

namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>Where a <see cref="PluginLoader"/> keeps its files and what it checks plugins against.</summary>
public sealed record PluginLoaderOptions
{
    /// <summary>Shadow copies (<c>shadow/</c>) and extracted packages (<c>packages/&lt;id&gt;/&lt;version&gt;/</c>) live under it.</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>The SDK version every plugin's SDK range must include.</summary>
    public NuGetVersion SdkVersion { get; init; } = Plugins.SdkVersion.Current;

    /// <summary>The framework a package's <c>lib/</c> folder is chosen for: <c>net10.0</c> unless set.</summary>
    // Built, not parsed: NuGetFramework.Parse costs ~30 ms of start-up for its tables, which only packages need.
    public NuGetFramework TargetFramework { get; init; } = new(FrameworkConstants.FrameworkIdentifiers.NetCoreApp, new Version(10, 0, 0, 0));
}
