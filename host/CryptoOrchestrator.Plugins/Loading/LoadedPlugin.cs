namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>
/// One generation of one plugin package (a folder, a .nupkg or compiled source) in a collectible
/// context of its own: the plugins that passed every check and the problems of the rest.
/// </summary>
public sealed class LoadedPlugin
{
    private readonly Lock _gate = new();
    private readonly ShadowCopy? _shadow;
    private PluginLoadContext? _context;
    private IReadOnlyList<PluginDescriptor> _plugins;
    private UnloadHandle? _unloaded;

    internal LoadedPlugin(LoadTarget target, PluginLoadContext? context, ShadowCopy? shadow, IReadOnlyList<PluginDescriptor> plugins, IReadOnlyList<PluginLoadProblem> problems)
    {
        Name = target.Name;
        SourcePath = target.SourcePath;
        SourceKind = target.Kind;
        Generation = target.Generation;
        ContextName = target.ContextName;
        _context = context;
        _shadow = shadow;
        _plugins = plugins;
        PluginIds = [.. plugins.Select(plugin => plugin.Id)];
        Problems = problems;
    }

    /// <summary>The folder name, package id, or source folder name.</summary>
    public string Name { get; }

    /// <summary>The folder, .nupkg or source folder it came from.</summary>
    public string SourcePath { get; }

    /// <summary>What shape <see cref="SourcePath"/> has.</summary>
    public PluginSourceKind SourceKind { get; }

    /// <summary>1, 2, 3… per <see cref="Name"/>, per <see cref="PluginLoader"/>.</summary>
    public int Generation { get; }

    /// <summary>The load context's name, <c>&lt;Name&gt;#&lt;Generation&gt;</c>, e.g. <c>Momentum#3</c>.</summary>
    public string ContextName { get; }

    /// <summary>
    /// The validated plugins inside, in the order their types were found; empty when there are none and
    /// once unloaded (so a kept <see cref="LoadedPlugin"/> does not keep its context alive).
    /// </summary>
    public IReadOnlyList<PluginDescriptor> Plugins
    {
        get
        {
            lock (_gate)
            {
                return _plugins;
            }
        }
    }

    /// <summary>The ids of <see cref="Plugins"/> as loaded; kept after unload.</summary>
    public IReadOnlyList<string> PluginIds { get; }

    /// <summary>What was left out, and why.</summary>
    public IReadOnlyList<PluginLoadProblem> Problems { get; }

    /// <summary>Whether <see cref="Unload"/> has run (a load that produced no plugin is unloaded at once).</summary>
    public bool IsUnloaded
    {
        get
        {
            lock (_gate)
            {
                return _unloaded is not null;
            }
        }
    }

    /// <summary>
    /// Unloads the context; idempotent, returning the same handle each time. Callers drop every instance
    /// they created first: the context is collected only once nothing references its code.
    /// </summary>
    public UnloadHandle Unload()
    {
        lock (_gate)
        {
            if (_unloaded is not null)
            {
                return _unloaded;
            }

            WeakReference? watch = null;
            if (_context is not null)
            {
                // Tracks resurrection: the context finishes unloading in finalizers, and only then is it really gone.
                watch = new WeakReference(_context, trackResurrection: true);
                _context.Unload();
                _shadow?.Retire(watch);
                _context = null;
            }

            _plugins = [];
            _unloaded = new UnloadHandle(ContextName, watch, _shadow, SourcePath, PluginIds);
            return _unloaded;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{ContextName} ({SourceKind} {SourcePath}): {PluginIds.Count} plugin(s), {Problems.Count} problem(s)";
}
