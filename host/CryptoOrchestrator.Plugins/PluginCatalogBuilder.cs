using System.Reflection;
using NuGet.Versioning;

namespace CryptoOrchestrator.Plugins;

/// <summary>
/// Gathers plugins from directories, assembly files and loaded assemblies, then builds a
/// <see cref="PluginCatalog"/>, resolving duplicate ids by keeping the highest version.
/// </summary>
public sealed class PluginCatalogBuilder
{
    private readonly IPluginAssemblyLoader _loader;
    private readonly NuGetVersion _sdkVersion;
    private readonly List<PluginDescriptor> _plugins = [];
    private readonly List<PluginLoadProblem> _problems = [];
    private readonly PluginAssemblyInspector _inspector;

    /// <summary>Loads with <see cref="DefaultPluginAssemblyLoader"/> and checks against <see cref="SdkVersion.Current"/>.</summary>
    public PluginCatalogBuilder()
        : this(DefaultPluginAssemblyLoader.Instance, SdkVersion.Current)
    {
    }

    /// <summary>Loads with <paramref name="loader"/> and checks SDK ranges against <paramref name="sdkVersion"/>.</summary>
    public PluginCatalogBuilder(IPluginAssemblyLoader loader, NuGetVersion sdkVersion)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(sdkVersion);
        _loader = loader;
        _sdkVersion = sdkVersion;
        _inspector = new PluginAssemblyInspector(sdkVersion, _plugins, _problems);
    }

    /// <summary>
    /// Adds every plugin folder of <paramref name="pluginsDirectory"/>, laid out as
    /// <c>&lt;pluginsDirectory&gt;/&lt;Folder&gt;/&lt;Folder&gt;.dll</c>: the main assembly is the one named like its folder,
    /// the other files are its dependencies. Folders are visited in ordinal name order.
    /// </summary>
    public PluginCatalogBuilder AddDirectory(string pluginsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginsDirectory);
        var root = Path.GetFullPath(pluginsDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Plugins directory '{root}' does not exist.");
        }

        foreach (var stray in Sorted(Directory.EnumerateFiles(root, "*.dll")))
        {
            _problems.Add(new(stray, null, null, PluginProblemKind.NoPlugin, "lies outside a plugin folder; expected <plugins>/<Name>/<Name>.dll"));
        }

        foreach (var folder in Sorted(Directory.EnumerateDirectories(root)))
        {
            var name = Path.GetFileName(folder);
            var main = Sorted(Directory.EnumerateFiles(folder, "*.dll"))
                .FirstOrDefault(file => string.Equals(Path.GetFileNameWithoutExtension(file), name, StringComparison.OrdinalIgnoreCase));
            if (main is null)
            {
                _problems.Add(new(folder, null, null, PluginProblemKind.NoPlugin, $"plugin folder has no main assembly {name}.dll"));
                continue;
            }

            AddAssemblyFile(main);
        }

        return this;
    }

    /// <summary>Loads one assembly file and adds its plugins; a file that cannot be loaded becomes a problem.</summary>
    public PluginCatalogBuilder AddAssemblyFile(string assemblyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyPath);
        var file = Path.GetFullPath(assemblyPath);
        Assembly assembly;
        try
        {
            assembly = _loader.Load(file);
        }
        catch (Exception e)
        {
            _problems.Add(new(file, null, null, PluginProblemKind.Unreadable, $"cannot be loaded as an assembly: {e.GetType().Name}: {e.Message}"));
            return this;
        }

        _inspector.Inspect(assembly, file);
        return this;
    }

    /// <summary>
    /// Adds the plugins of an assembly already loaded (e.g. compiled in memory);
    /// <paramref name="sourceFile"/> defaults to its location, or its name when it has none.
    /// </summary>
    public PluginCatalogBuilder AddAssembly(Assembly assembly, string? sourceFile = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var source = sourceFile ?? (assembly.Location.Length > 0 ? assembly.Location : assembly.GetName().Name ?? assembly.FullName ?? "(in memory)");
        _inspector.Inspect(assembly, source);
        return this;
    }

    /// <summary>The catalog of everything added so far. Of several plugins with one id the highest version wins; ties go to the first added.</summary>
    public PluginCatalog Build()
    {
        var problems = new List<PluginLoadProblem>(_problems);
        var winners = new List<PluginDescriptor>();
        foreach (var sameId in _plugins.GroupBy(plugin => plugin.Id, StringComparer.Ordinal))
        {
            // OrderByDescending is stable, so equal versions keep the order they were added in.
            var ranked = sameId.OrderByDescending(plugin => plugin.Version, VersionComparer.Default).ToList();
            var winner = ranked[0];
            winners.Add(winner);
            foreach (var loser in ranked.Skip(1))
            {
                problems.Add(new(
                    loser.SourceFile,
                    loser.PluginType.FullName,
                    loser.Id,
                    PluginProblemKind.Superseded,
                    $"version {loser.Version.ToNormalizedString()} is superseded by version {winner.Version.ToNormalizedString()} from {winner.SourceFile}"));
            }
        }

        winners.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new PluginCatalog(winners, problems, _sdkVersion);
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> paths) => paths.Order(StringComparer.Ordinal);
}
