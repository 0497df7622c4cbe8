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

    /// <summary>The framework a package's <c>lib/</c> folder is chosen for.</summary>
    public NuGetFramework TargetFramework { get; init; } = NuGetFramework.Parse("net10.0");
}
