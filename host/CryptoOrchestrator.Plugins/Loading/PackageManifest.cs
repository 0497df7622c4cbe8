using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using NuGet.Frameworks;
using NuGet.Versioning;

namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>What a package's <c>.nuspec</c> says: its id, version and dependencies per target framework.</summary>
internal sealed partial record PackageManifest(string Id, NuGetVersion Version, IReadOnlyList<PackageDependencyGroup> DependencyGroups)
{
    /// <summary>Reads the one <c>.nuspec</c> at the package's root; throws <see cref="PluginRejectedException"/> naming what is wrong.</summary>
    public static PackageManifest Read(ZipArchive package)
    {
        var nuspecs = package.Entries.Where(entry => !entry.FullName.Contains('/', StringComparison.Ordinal) && entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase)).ToList();
        if (nuspecs.Count != 1)
        {
            throw Invalid(nuspecs.Count == 0 ? "has no .nuspec at its root" : $"has {nuspecs.Count} .nuspec files at its root");
        }

        XDocument document;
        try
        {
            using var stream = nuspecs[0].Open();
            document = XDocument.Load(stream);
        }
        catch (XmlException e)
        {
            throw Invalid($"{nuspecs[0].FullName} is not valid XML: {e.Message}");
        }

        var metadata = document.Root?.Elements().FirstOrDefault(element => element.Name.LocalName == "metadata")
            ?? throw Invalid($"{nuspecs[0].FullName} has no <metadata>");
        var id = Child(metadata, "id")?.Value.Trim();
        if (id is null || !PackageId().IsMatch(id))
        {
            throw Invalid($"{nuspecs[0].FullName} has no valid <id> (letters, digits, '.', '-', '_'): '{id}'");
        }

        var versionText = Child(metadata, "version")?.Value.Trim();
        if (versionText is null || !NuGetVersion.TryParse(versionText, out var version))
        {
            throw Invalid($"{nuspecs[0].FullName} has no valid <version>: '{versionText}'");
        }

        return new PackageManifest(id, version, ReadDependencies(Child(metadata, "dependencies")));
    }

    /// <summary>The dependencies that apply to <paramref name="framework"/>: the nearest group's, none when no group fits.</summary>
    public IReadOnlyList<PackageDependency> DependenciesFor(NuGetFramework framework)
    {
        var nearest = new FrameworkReducer().GetNearest(framework, DependencyGroups.Select(group => group.Framework));
        return nearest is null ? [] : DependencyGroups.First(group => group.Framework.Equals(nearest)).Dependencies;
    }

    private static List<PackageDependencyGroup> ReadDependencies(XElement? dependencies)
    {
        if (dependencies is null)
        {
            return [];
        }

        var groups = dependencies.Elements().Where(element => element.Name.LocalName == "group")
            .Select(group => new PackageDependencyGroup(
                group.Attribute("targetFramework") is { } framework ? NuGetFramework.Parse(framework.Value) : NuGetFramework.AnyFramework,
                DependenciesOf(group)))
            .ToList();
        // The old flat form: dependencies straight under <dependencies> apply to every framework.
        var flat = DependenciesOf(dependencies);
        if (flat.Count > 0)
        {
            groups.Add(new PackageDependencyGroup(NuGetFramework.AnyFramework, flat));
        }

        return groups;
    }

    private static List<PackageDependency> DependenciesOf(XElement parent) =>
        [.. parent.Elements().Where(element => element.Name.LocalName == "dependency")
            .Select(element => new PackageDependency(element.Attribute("id")?.Value ?? "", element.Attribute("version")?.Value))];

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(element => element.Name.LocalName == name);

    private static PluginRejectedException Invalid(string reason) => new(PluginProblemKind.Invalid, reason);

    [GeneratedRegex(@"^\w+([.-]\w+)*\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PackageId();
}
