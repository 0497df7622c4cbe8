using System.Runtime.InteropServices;

namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>
/// The runtime identifiers whose native assets fit this process, most specific first:
/// <see cref="RuntimeInformation.RuntimeIdentifier"/>, then its portable form and its parents
/// (e.g. <c>linux-x64, linux, unix, any</c>), as NuGet's RID graph falls back.
/// </summary>
internal static class RuntimeIdentifierChain
{
    public static IReadOnlyList<string> Current { get; } = Build();

    private static List<string> Build()
    {
        var architecture = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var rid = RuntimeInformation.RuntimeIdentifier;
        var chain = new List<string> { rid };
        string[] families = OperatingSystem.IsWindows() ? ["win"]
            : OperatingSystem.IsMacOS() ? ["osx", "unix"]
            : rid.StartsWith("linux-musl", StringComparison.Ordinal) ? ["linux-musl", "linux", "unix"]
            : OperatingSystem.IsLinux() ? ["linux", "unix"]
            : OperatingSystem.IsFreeBSD() ? ["freebsd", "unix"]
            : ["unix"];
        foreach (var family in families)
        {
            if (family != "unix")
            {
                chain.Add($"{family}-{architecture}");
            }

            chain.Add(family);
        }

        chain.Add("any");
        return [.. chain.Distinct(StringComparer.Ordinal)];
    }
}
