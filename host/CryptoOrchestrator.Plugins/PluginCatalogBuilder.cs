using System.Reflection;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Plugins.Status;
using CryptoOrchestrator.Plugins.Watching;
using NuGet.Versioning;

namespace CryptoOrchestrator.Plugins;

/// <summary>
/// Gathers plugins from directories, loaded generations and loaded assemblies, then builds a
/// <see cref="PluginCatalog"/>, resolving duplicate ids by keeping the highest version. Directories load
/// through <see cref="PluginLoader"/>: every plugin folder and every .nupkg into a collectible context of its own.
/// </summary>
public sealed class PluginCatalogBuilder
{
    private readonly PluginCatalogOptions _options;
    private readonly PluginLoader? _loader;
    private readonly Dictionary<string, PluginLoader> _loadersByCache = new(StringComparer.Ordinal);
    private readonly List<PluginDescriptor> _plugins = [];
    private readonly List<PluginLoadProblem> _problems = [];
    private readonly List<ExcludedPlugin> _excluded = [];
    private readonly List<LoadedPlugin> _loaded = [];

    /// <summary>Checks against <see cref="SdkVersion.Current"/>, caches beside each plugins directory, no status file.</summary>
    public PluginCatalogBuilder()
        : this(new PluginCatalogOptions())
    {
    }

    /// <summary>Loads and admits plugins as <paramref name="options"/> say.</summary>
    public PluginCatalogBuilder(PluginCatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.SdkVersion, nameof(options));
        _options = options;
    }

    /// <summary>Loads every directory with <paramref name="loader"/> (its SDK version and cache); <paramref name="statusStore"/> as in <see cref="PluginCatalogOptions.StatusStore"/>.</summary>
    public PluginCatalogBuilder(PluginLoader loader, PluginStatusStore? statusStore = null)
    {
        ArgumentNullException.ThrowIfNull(loader);
        _loader = loader;
        _options = new PluginCatalogOptions { SdkVersion = loader.Options.SdkVersion, CacheDirectory = loader.Options.CacheDirectory, StatusStore = statusStore };
    }

    private NuGetVersion SdkVersion => _options.SdkVersion;

    /// <summary>
    /// Adds every plugin of <paramref name="pluginsDirectory"/>: each folder laid out as
    /// <c>&lt;pluginsDirectory&gt;/&lt;Folder&gt;/&lt;Folder&gt;.dll</c> (the main assembly is the one named like its
    /// folder, the other files are its dependencies), each folder of .cs files (compiled) and each
    /// <c>*.nupkg</c>, visited in ordinal path order.
    /// </summary>
    public PluginCatalogBuilder AddDirectory(string pluginsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginsDirectory);
        var root = Path.GetFullPath(pluginsDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Plugins directory '{root}' does not exist.");
        }

        var loader = LoaderFor(root);
        foreach (var stray in Directory.EnumerateFiles(root, "*.dll").Order(StringComparer.Ordinal))
        {
            _problems.Add(new(stray, null, null, PluginProblemKind.NoPlugin, "lies outside a plugin folder; expected <plugins>/<Name>/<Name>.dll"));
        }

        // A folder with no <Name>.dll and no .cs file is still tried as a build folder, so that it is reported.
        var folders = Directory.EnumerateDirectories(root)
            .Where(folder => !IsOrHolds(folder, loader.Options.CacheDirectory))
            .Select(folder => (Path: folder, Kind: PluginSourceLocator.Classify(folder) ?? PluginSourceKind.Folder));
        var packages = Directory.EnumerateFiles(root, "*.nupkg").Select(file => (Path: file, Kind: PluginSourceKind.Package));
        foreach (var (path, kind) in folders.Concat(packages).OrderBy(source => source.Path, StringComparer.Ordinal))
        {
            Add(loader.Load(path, kind));
        }

        return this;
    }

    /// <summary>
    /// Adds a loaded generation's plugins and problems. Plugins the status store keeps out are listed as
    /// excluded; a generation left with no plugin is unloaded.
    /// </summary>
    public PluginCatalogBuilder Add(LoadedPlugin loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        _problems.AddRange(loaded.Problems);
        var admitted = new List<PluginDescriptor>();
        foreach (var plugin in loaded.Plugins)
        {
            if (Exclusion(plugin) is { } excluded)
            {
                _excluded.Add(excluded);
            }
            else
            {
                admitted.Add(plugin);
            }
        }

        if (admitted.Count == 0)
        {
            loaded.Unload();
            return this;
        }

        _plugins.AddRange(admitted);
        _loaded.Add(loaded);
        return this;
    }

    /// <summary>
    /// Adds the plugins of an assembly already loaded, in whatever context it is;
    /// <paramref name="sourceFile"/> defaults to its location, or its name when it has none.
    /// </summary>
    public PluginCatalogBuilder AddAssembly(Assembly assembly, string? sourceFile = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var source = sourceFile ?? (assembly.Location.Length > 0 ? assembly.Location : assembly.GetName().Name ?? assembly.FullName ?? "(in memory)");
        var plugins = new List<PluginDescriptor>();
        new PluginAssemblyInspector(SdkVersion, plugins, _problems).Inspect(assembly, source);
        foreach (var plugin in plugins)
        {
            if (Exclusion(plugin) is { } excluded)
            {
                _excluded.Add(excluded);
            }
            else
            {
                _plugins.Add(plugin);
            }
        }

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
                    $"version {loser.Version.ToNormalizedString()} is superseded by version {winner.Version.ToNormalizedString()} from {winner.SourceFile}")
                {
                    Version = loser.Version.ToNormalizedString(),
                });
            }
        }

        winners.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new PluginCatalog(winners, problems, [.. _excluded], [.. _loaded], SdkVersion);
    }

    private PluginLoader LoaderFor(string pluginsDirectory)
    {
        if (_loader is not null)
        {
            return _loader;
        }

        var cache = Path.GetFullPath(_options.CacheDirectory ?? PluginCatalogOptions.DefaultCacheDirectory(pluginsDirectory));
        if (!_loadersByCache.TryGetValue(cache, out var loader))
        {
            loader = new PluginLoader(new PluginLoaderOptions { CacheDirectory = cache, SdkVersion = SdkVersion });
            _loadersByCache.Add(cache, loader);
        }

        return loader;
    }

    // Disabled by an operator, or quarantined in this very version (a new version is the answer to a quarantine).
    private ExcludedPlugin? Exclusion(PluginDescriptor plugin)
    {
        var record = _options.StatusStore?.Find(plugin.Id);
        var version = plugin.Version.ToNormalizedString();
        var keptOut = record is not null
            && (record.Status == PluginStatus.Disabled || (record.Status == PluginStatus.Malfunctioned && record.Version == version));
        return keptOut ? new ExcludedPlugin(plugin.Id, version, plugin.Kind, plugin.SourceFile, record!.Status, record.Reason) : null;
    }

    private static bool IsOrHolds(string folder, string path) =>
        string.Equals(folder, path, StringComparison.Ordinal) || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
