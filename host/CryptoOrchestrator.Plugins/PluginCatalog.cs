using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Sdk.Plugins;
using NuGet.Versioning;

namespace CryptoOrchestrator.Plugins;

/// <summary>
/// The plugins that loaded and passed every check, by id, and the problems of those that did not.
/// Immutable once built; create one with <see cref="Discover(string)"/> or <see cref="PluginCatalogBuilder"/>.
/// Its plugins live in the load contexts of <see cref="Loaded"/> until <see cref="Unload"/>.
/// </summary>
public sealed class PluginCatalog
{
    private readonly FrozenDictionary<string, PluginDescriptor> _byId;

    internal PluginCatalog(
        IReadOnlyList<PluginDescriptor> plugins,
        IReadOnlyList<PluginLoadProblem> problems,
        IReadOnlyList<ExcludedPlugin> excluded,
        IReadOnlyList<LoadedPlugin> loaded,
        NuGetVersion sdkVersion)
    {
        Plugins = plugins;
        Problems = problems;
        Excluded = excluded;
        Loaded = loaded;
        SdkVersion = sdkVersion;
        _byId = plugins.ToFrozenDictionary(plugin => plugin.Id, StringComparer.Ordinal);
    }

    /// <summary>The loaded plugins, one per id, ordered by id.</summary>
    public IReadOnlyList<PluginDescriptor> Plugins { get; }

    /// <summary>Everything left out, and why.</summary>
    public IReadOnlyList<PluginLoadProblem> Problems { get; }

    /// <summary>Plugins that loaded but that the status file keeps out (disabled, or quarantined in that version).</summary>
    public IReadOnlyList<ExcludedPlugin> Excluded { get; }

    /// <summary>The loaded generations (one context each) that hold the catalog's plugins.</summary>
    public IReadOnlyList<LoadedPlugin> Loaded { get; }

    /// <summary>The SDK version plugins were checked against.</summary>
    public NuGetVersion SdkVersion { get; }

    /// <summary>Discovers the plugin folders and packages of <paramref name="pluginsDirectory"/>, caching beside it.</summary>
    public static PluginCatalog Discover(string pluginsDirectory) => Discover(pluginsDirectory, new PluginCatalogOptions());

    /// <summary>Discovers the plugin folders and packages of <paramref name="pluginsDirectory"/> as <paramref name="options"/> say.</summary>
    public static PluginCatalog Discover(string pluginsDirectory, PluginCatalogOptions options) =>
        new PluginCatalogBuilder(options).AddDirectory(pluginsDirectory).Build();

    /// <summary>
    /// Unloads every context of <see cref="Loaded"/>. The contexts are collected once nothing references
    /// the catalog, its descriptors or any instance created from them; wait on the handles to see it.
    /// </summary>
    public IReadOnlyList<UnloadHandle> Unload() => [.. Loaded.Select(loaded => loaded.Unload())];

    /// <summary>The plugin with <paramref name="id"/>, if loaded.</summary>
    public bool TryFind(string id, [NotNullWhen(true)] out PluginDescriptor? plugin)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out plugin);
    }

    /// <summary>The plugin with <paramref name="id"/>; throws <see cref="PluginNotFoundException"/> listing the loaded ids.</summary>
    public PluginDescriptor Find(string id) =>
        TryFind(id, out var plugin) ? plugin : throw NotFound(id, null, Plugins);

    /// <summary>The plugin with <paramref name="id"/> and <paramref name="kind"/>; throws listing the loaded plugins of that kind.</summary>
    public PluginDescriptor Find(string id, PluginKind kind)
    {
        if (TryFind(id, out var plugin) && plugin.Kind == kind)
        {
            return plugin;
        }

        throw NotFound(id, kind, OfKind(kind).ToList());
    }

    /// <summary>The strategy with <paramref name="id"/>; throws listing the loaded strategies.</summary>
    public PluginDescriptor GetStrategy(string id) => Find(id, PluginKind.Strategy);

    /// <summary>A fresh instance of the strategy with <paramref name="id"/>.</summary>
    public IStrategy CreateStrategy(string id) => (IStrategy)GetStrategy(id).Create();

    /// <summary>The loaded plugins of one kind, ordered by id.</summary>
    public IEnumerable<PluginDescriptor> OfKind(PluginKind kind) => Plugins.Where(plugin => plugin.Kind == kind);

    private PluginNotFoundException NotFound(string id, PluginKind? kind, IReadOnlyList<PluginDescriptor> candidates)
    {
        var what = kind is null ? "plugin" : $"{kind} plugin";
        var message = $"No {what} '{id}' is loaded.";
        if (kind is not null && TryFind(id, out var other))
        {
            message += $" '{id}' is a {other.Kind} plugin.";
        }

        var failure = Problems.FirstOrDefault(problem => problem.PluginId == id && problem.Kind != PluginProblemKind.Superseded);
        if (failure is not null)
        {
            message += $" It was found in {failure.File} but not loaded ({failure.Kind}): {failure.Reason}.";
        }

        var excluded = Excluded.FirstOrDefault(plugin => plugin.Id == id);
        if (excluded is not null)
        {
            message += $" It is installed in {excluded.SourceFile} but {excluded.Status}: {excluded.Reason}.";
        }

        var available = candidates.Select(plugin => plugin.Id).ToList();
        message += available.Count == 0 ? $" No {what}s are loaded." : $" Available: {string.Join(", ", candidates)}.";
        return new PluginNotFoundException(id, available, message);
    }
}
