using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Plugins.Status;
using CryptoOrchestrator.Plugins.Watching;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Watchdog;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Logging;
using NuGet.Versioning;

namespace CryptoOrchestrator.Runtime.Hosting;

/// <summary>
/// Loads the plugins of a folder, each into a collectible context of its own, runs bots on them, and
/// swaps a new version into running bots when its files change: load beside the old → pause each bot at
/// an event boundary → hand state over (or replay history) → resume → unload the old context and verify
/// it was collected. A version that fails any step is rejected and the running one stays.
/// </summary>
public sealed partial class PluginHost : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _reloads = new(1, 1);
    private readonly PluginHostOptions _options;
    private readonly PluginLoader _loader;
    private readonly GenerationTracker _generations;
    private readonly Dictionary<string, ActivePlugin> _active = new(StringComparer.Ordinal);
    private readonly List<BotBinding> _bots = [];
    private readonly CallbackWatchdog _watchdog;
    private readonly ILogger _log;
    private PluginChangeWatcher? _watcher;
    private bool _started;

    /// <summary>A host over <see cref="PluginHostOptions.PluginsDirectory"/>; nothing is loaded before <see cref="Start"/>.</summary>
    public PluginHost(PluginHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _log = options.LoggerFactory.CreateLogger<PluginHost>();
        Status = new PluginStatusStore(options.ResolvedStatusFile);
        _loader = new PluginLoader(new PluginLoaderOptions { CacheDirectory = options.ResolvedCacheDirectory });
        _generations = new GenerationTracker(options.UnloadGcRounds, Raise);
        _watchdog = new CallbackWatchdog(OnCallbackOverrun, OnCallbackHung);
    }

    /// <summary>Every plugin's status and its reason, as kept on disk.</summary>
    public PluginStatusStore Status { get; }

    /// <summary>Everything the host does: activations, rejections, swaps, quarantines, unloads and leaks.</summary>
    public event EventHandler<PluginHostEvent>? Changed;

    /// <summary>The plugins bots can use now, one version per id, ordered by id.</summary>
    public IReadOnlyList<PluginDescriptor> ActivePlugins
    {
        get
        {
            lock (_gate)
            {
                return [.. _active.Values.Select(active => active.Descriptor).OrderBy(plugin => plugin.Id, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The bots started and not yet finished.</summary>
    public IReadOnlyList<Bot> Bots
    {
        get
        {
            lock (_gate)
            {
                return [.. _bots.Select(binding => binding.Bot)];
            }
        }
    }

    /// <summary>Loads every plugin in the folder and, if asked, starts watching it for new versions.</summary>
    public void Start()
    {
        if (_started)
        {
            throw new InvalidOperationException("The plugin host is already started.");
        }

        _started = true;
        Directory.CreateDirectory(_options.PluginsDirectory);
        foreach (var (path, kind) in PluginSourceLocator.Enumerate(_options.PluginsDirectory))
        {
            LoadAtStart(path, kind);
        }

        if (_options.WatchForChanges)
        {
            _watcher = new PluginChangeWatcher(_options.PluginsDirectory, _options.Debounce, OnSourceChanged);
        }
    }

    /// <summary>
    /// Loads the plugin source at <paramref name="sourcePath"/> again and swaps its strategies into every
    /// running bot. The watcher calls this after a debounced change; call it directly to reload on demand.
    /// Returns what happened, in order.
    /// </summary>
    public async Task<IReadOnlyList<PluginHostEvent>> ReloadAsync(string sourcePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        var path = Path.GetFullPath(sourcePath);
        await _reloads.WaitAsync().ConfigureAwait(false);
        try
        {
            var kind = PluginSourceLocator.Classify(path);
            if (kind is null)
            {
                var gone = new PluginRejected(path, null, PluginStatus.NotSupported, "is no longer a plugin (removed or emptied); running versions keep running");
                Raise(gone);
                return [gone];
            }

            var reload = new ReloadScope(this);
            await reload.RunAsync(path, kind.Value).ConfigureAwait(false);
            return reload.Events;
        }
        finally
        {
            _reloads.Release();
        }
    }

    /// <summary>Completes when every unloaded context so far has been checked for collection.</summary>
    public Task WhenUnloadsVerified()
    {
        lock (_gate)
        {
            return _generations.WhenVerified();
        }
    }

    /// <summary>Stops watching and the watchdog; bots are asked to finish what they have queued.</summary>
    public void Dispose()
    {
        _watcher?.Dispose();
        foreach (var bot in Bots)
        {
            bot.Dispose();
        }

        _watchdog.Dispose();
        _reloads.Dispose();
    }

    private void OnSourceChanged(PluginChange change)
    {
        if (change.Removed)
        {
            Raise(new PluginRejected(change.SourcePath, null, PluginStatus.NotSupported, "was removed; running versions keep running"));
            return;
        }

        try
        {
            ReloadAsync(change.SourcePath).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Raise(new PluginRejected(change.SourcePath, null, PluginStatus.Malfunctioned, $"could not be read: {e.Message}"));
        }
    }

    /// <summary>Start-up load of one source: activates its plugins unless disabled, quarantined or superseded.</summary>
    private void LoadAtStart(string path, PluginSourceKind kind)
    {
        var generation = _loader.Load(path, kind);
        RecordProblems(generation, isReload: false, Raise);
        // Events are raised after the lock is let go, so a handler may call back into the host.
        var outcome = new List<PluginHostEvent>();
        lock (_gate)
        {
            foreach (var plugin in generation.Plugins)
            {
                if (Admissible(plugin, generation, isReload: false, out var refusal))
                {
                    outcome.Add(Activate(plugin, generation));
                }
                else if (refusal is not null)
                {
                    outcome.Add(refusal);
                }
            }

            if (!outcome.OfType<PluginActivated>().Any())
            {
                _generations.Retire(generation);
            }
        }

        outcome.ForEach(Raise);
    }

    private void RecordProblems(LoadedPlugin generation, bool isReload, Action<PluginHostEvent> report)
    {
        foreach (var problem in generation.Problems)
        {
            var status = problem.Kind.ToStatus();
            report(new PluginRejected(problem.File, problem.PluginId, status, problem.Reason));
            if (problem.PluginId is not { } id)
            {
                continue;
            }

            lock (_gate)
            {
                // A running version keeps its Active status; the rejected build is in the event and the log.
                if (isReload && _active.ContainsKey(id))
                {
                    continue;
                }
            }

            Status.Set(new PluginStatusRecord(id, status, problem.Reason, null, problem.File, DateTimeOffset.UtcNow));
        }
    }

    /// <summary>Whether a freshly loaded plugin may go live; under <see cref="_gate"/>.</summary>
    private bool Admissible(PluginDescriptor plugin, LoadedPlugin generation, bool isReload, out PluginHostEvent? refusal)
    {
        refusal = null;
        var record = Status.Find(plugin.Id);
        if (record?.Status == PluginStatus.Disabled)
        {
            refusal = new PluginRejected(generation.SourcePath, plugin.Id, PluginStatus.Disabled, record.Reason);
            return false;
        }

        var version = plugin.Version.ToNormalizedString();
        // A quarantine outlives a restart; a new build (a reload) is the developer's answer to it.
        if (!isReload && record?.Status == PluginStatus.Malfunctioned && record.Version == version)
        {
            refusal = new PluginRejected(generation.SourcePath, plugin.Id, PluginStatus.Malfunctioned, $"quarantined: {record.Reason}");
            return false;
        }

        if (_active.TryGetValue(plugin.Id, out var current)
            && !string.Equals(current.Generation.SourcePath, generation.SourcePath, StringComparison.Ordinal)
            && VersionComparer.Default.Compare(plugin.Version, current.Descriptor.Version) <= 0)
        {
            var reason = $"version {version} is superseded by version {current.Descriptor.Version.ToNormalizedString()} from {current.Generation.SourcePath}";
            refusal = new PluginRejected(generation.SourcePath, plugin.Id, PluginStatus.Superseded, reason);
            return false;
        }

        return true;
    }

    /// <summary>Makes <paramref name="plugin"/> the version new bots get; under <see cref="_gate"/>. The caller raises the event.</summary>
    private PluginActivated Activate(PluginDescriptor plugin, LoadedPlugin generation)
    {
        _generations.Acquire(generation);
        if (_active.Remove(plugin.Id, out var previous))
        {
            _generations.Release(previous.Generation);
        }

        _active[plugin.Id] = new ActivePlugin(plugin, generation);
        var version = plugin.Version.ToNormalizedString();
        Status.Set(new PluginStatusRecord(plugin.Id, PluginStatus.Active, $"version {version} loaded", version, generation.SourcePath, DateTimeOffset.UtcNow));
        return new PluginActivated(plugin.Id, version, generation.ContextName, generation.SourcePath);
    }

    private void Raise(PluginHostEvent change)
    {
        _log.LogInformation("{Event}", change.Describe());
        Changed?.Invoke(this, change);
    }

    /// <summary>A plugin loaded by this host and live for new bots, with the generation it came from.</summary>
    private sealed record ActivePlugin(PluginDescriptor Descriptor, LoadedPlugin Generation);
}
