using NuGet.Frameworks;

namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>The dependencies a package declares for one target framework.</summary>
internal sealed record PackageDependencyGroup(NuGetFramework Framework, IReadOnlyList<PackageDependency> Dependencies);

/// <summary>One declared package dependency.</summary>
internal sealed record PackageDependency(string Id, string? VersionRange)
{
    public override string ToString() => VersionRange is null ? Id : $"{Id} {VersionRange}";
}
