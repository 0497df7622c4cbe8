using NuGet.Frameworks;

namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>
/// Which files of a package make up the plugin for this host: the <c>lib/&lt;tfm&gt;/</c> folder nearest to
/// the target framework, its main assembly, and the <c>runtimes/&lt;rid&gt;/native/</c> folder of the most
/// specific runtime identifier that has one. Entry paths are normalized, with forward slashes.
/// </summary>
internal sealed record PackageLayout(string LibFolder, string MainAssembly, string? NativeFolder)
{
    /// <summary>The layout, or <see cref="PluginRejectedException"/> saying why the package has no usable plugin for this host.</summary>
    public static PackageLayout Choose(IReadOnlyList<string> files, PackageManifest manifest, NuGetFramework target, IReadOnlyList<string> runtimeIdentifiers)
    {
        // Keyed by the folder as spelled in the package ("lib/net10.0/"), so it is found again on case-sensitive disks.
        var libFolders = files
            .Select(file => file.Split('/'))
            .Where(parts => parts.Length >= 3 && parts[0].Equals("lib", StringComparison.OrdinalIgnoreCase))
            .Select(parts => (Folder: $"{parts[0]}/{parts[1]}/", Framework: parts[1]))
            .DistinctBy(lib => lib.Folder, StringComparer.Ordinal)
            .ToDictionary(lib => lib.Folder, lib => NuGetFramework.ParseFolder(lib.Framework), StringComparer.Ordinal);
        if (libFolders.Count == 0)
        {
            throw new PluginRejectedException(PluginProblemKind.NoPlugin, "has no lib/ folder with assemblies");
        }

        var nearest = new FrameworkReducer().GetNearest(target, libFolders.Values);
        if (nearest is null)
        {
            throw new PluginRejectedException(
                PluginProblemKind.NotSupported,
                $"has no lib/ folder for {target.GetShortFolderName()} (it has: {string.Join(", ", libFolders.Keys.Order(StringComparer.Ordinal))})");
        }

        var folder = libFolders.First(pair => pair.Value.Equals(nearest)).Key;
        var assemblies = files
            .Where(file => file.StartsWith(folder, StringComparison.OrdinalIgnoreCase) && !file[folder.Length..].Contains('/', StringComparison.Ordinal))
            .Where(file => file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var main = assemblies.FirstOrDefault(file => file[folder.Length..].Equals(manifest.Id + ".dll", StringComparison.OrdinalIgnoreCase))
            ?? (assemblies.Count == 1 ? assemblies[0] : null)
            ?? throw new PluginRejectedException(
                PluginProblemKind.NoPlugin,
                assemblies.Count == 0
                    ? $"{folder} holds no assembly"
                    : $"{folder} holds no {manifest.Id}.dll, and {assemblies.Count} other assemblies, so none is the main one");

        CheckDependencies(manifest, target, folder, assemblies);
        var native = runtimeIdentifiers
            .Select(rid => $"runtimes/{rid}/native/")
            .Select(prefix => files.FirstOrDefault(file => file.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && file.Length > prefix.Length)?[..prefix.Length])
            .FirstOrDefault(folderAsSpelled => folderAsSpelled is not null);
        return new PackageLayout(folder, main, native);
    }

    // A dependency must travel inside lib/<tfm>/ or be one the host shares; NuGet is not consulted at load time.
    private static void CheckDependencies(PackageManifest manifest, NuGetFramework target, string folder, List<string> assemblies)
    {
        var missing = manifest.DependenciesFor(target)
            .Where(dependency => !SharedAssemblies.Contains(dependency.Id)
                && !assemblies.Any(file => file[folder.Length..].Equals(dependency.Id + ".dll", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (missing.Count > 0)
        {
            throw new PluginRejectedException(
                PluginProblemKind.NotSupported,
                $"depends on {string.Join(", ", missing)}, which {folder} does not bundle and the host does not share (it shares the SDK, its dependencies and the .NET framework)");
        }
    }
}
