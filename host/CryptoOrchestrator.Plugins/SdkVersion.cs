using System.Reflection;
using CryptoOrchestrator.Sdk.Plugins;
using NuGet.Versioning;

namespace CryptoOrchestrator.Plugins;

/// <summary>The version of the SDK this host runs, which every plugin's SDK range must include.</summary>
public static class SdkVersion
{
    /// <summary>Read from the loaded SDK assembly: its informational version, else its assembly version.</summary>
    public static NuGetVersion Current { get; } = Of(typeof(IPlugin).Assembly);

    internal static NuGetVersion Of(Assembly sdk)
    {
        var informational = sdk.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (informational is not null && NuGetVersion.TryParse(informational, out var version))
        {
            return version;
        }

        var assemblyVersion = sdk.GetName().Version
            ?? throw new InvalidOperationException($"The SDK assembly '{sdk.FullName}' carries no version.");
        return new NuGetVersion(assemblyVersion.Major, assemblyVersion.Minor, Math.Max(assemblyVersion.Build, 0));
    }
}
