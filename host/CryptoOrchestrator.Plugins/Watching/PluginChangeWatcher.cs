using System.Diagnostics;

namespace CryptoOrchestrator.Plugins.Watching;

/// <summary>
/// Watches a plugins directory and reports, per plugin source (top-level folder or <c>.nupkg</c>), one
/// <see cref="PluginChange"/> once changes to it have settled: <c>debounce</c> after its LAST change, so a
/// build writing twenty files is one reload. Editor temp files (<c>*.tmp</c>, <c>*~</c>, <c>.*.swp</c>,
/// <c>4913</c>…) and <c>bin/</c>, <c>obj/</c> and dot-folders under source folders are ignored.
/// Callbacks run on the clock's timer threads (the thread pool for the system clock), never on the
/// file-system watcher's, and never two at once for the same source; different sources may run in parallel.
/// </summary>
public sealed class PluginChangeWatcher : IDisposable
{
    [ThreadStatic]
    private static PluginChangeWatcher? t_deliveringFor;

    private readonly object _gate = new();
    private readonly Dictionary<string, WatchedSource> _sources = new(StringComparer.Ordinal);
    private readonly string _root;
    private readonly TimeSpan _debounce;
    private readonly Action<PluginChange> _onChange;
    private readonly TimeProvider _time;
    private readonly FileSystemWatcher _watcher;
    private int _runningCallbacks;
    private bool _disposed;

    /// <summary>Starts watching at once; sources present now are known, so deleting one reports it removed.</summary>
    /// <param name="pluginsDirectory">The directory to watch; it must exist.</param>
    /// <param name="debounce">Quiet time after a source's last change before it is reported.</param>
    /// <param name="onChange">Called once per settled change; should not throw (see <see cref="CallbackFailed"/>).</param>
    /// <param name="time">The clock for the debounce timers; <see cref="TimeProvider.System"/> when null.</param>
    public PluginChangeWatcher(string pluginsDirectory, TimeSpan debounce, Action<PluginChange> onChange, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginsDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(debounce, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(onChange);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(pluginsDirectory));
        if (!Directory.Exists(_root))
        {
            throw new DirectoryNotFoundException($"Plugins directory '{_root}' does not exist; nothing to watch.");
        }

        _debounce = debounce;
        _onChange = onChange;
        _time = time ?? TimeProvider.System;
        _watcher = new FileSystemWatcher(_root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Created += OnFileSystemEvent;
        _watcher.Changed += OnFileSystemEvent;
        _watcher.Deleted += OnFileSystemEvent;
        _watcher.Renamed += OnRenamed;
        _watcher.Error += OnWatcherError;
        _watcher.EnableRaisingEvents = true;
        try
        {
            Remember(PluginSourceLocator.Enumerate(_root));  // after the watch starts, so nothing falls between
        }
        catch
        {
            _watcher.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Called when <c>onChange</c> throws, with the change it was given; watching goes on either way.
    /// When null, the failure is written to <see cref="Trace"/>.
    /// </summary>
    public Action<PluginChange, Exception>? CallbackFailed { get; set; }

    /// <summary>The watched directory (full path).</summary>
    public string PluginsDirectory => _root;

    /// <summary>
    /// Stops watching, drops changes not yet reported and waits for running callbacks to return
    /// (except the caller's own, when called from inside a callback). Idempotent.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _watcher.Dispose();
        lock (_gate)
        {
            foreach (var source in _sources.Values)
            {
                source.Timer?.Dispose();
            }

            var own = t_deliveringFor == this ? 1 : 0;
            while (_runningCallbacks > own)
            {
                Monitor.Wait(_gate);
            }
        }
    }

    private void Remember(IEnumerable<(string Path, PluginSourceKind Kind)> present)
    {
        lock (_gate)
        {
            foreach (var (path, kind) in present)
            {
                SourceAt(path).KnownKind ??= kind;
            }
        }
    }

    private void OnFileSystemEvent(object sender, FileSystemEventArgs e) => Touch(ChangeRouting.SourceOf(_root, e.FullPath, e.ChangeType));

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        Touch(ChangeRouting.SourceOf(_root, e.OldFullPath, WatcherChangeTypes.Deleted));
        Touch(ChangeRouting.SourceOf(_root, e.FullPath, WatcherChangeTypes.Created));
    }

    // Events were lost (buffer overflow) or the watch broke: every source may have changed.
    private void OnWatcherError(object sender, ErrorEventArgs e)
    {
        List<string> suspects;
        lock (_gate)
        {
            suspects = [.. _sources.Keys];
        }

        try
        {
            suspects.AddRange(PluginSourceLocator.Enumerate(_root).Select(entry => entry.Path));
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            // The directory itself is gone or unreadable: the known sources report themselves removed.
        }

        foreach (var path in suspects.Distinct(StringComparer.Ordinal))
        {
            Touch(path);
        }
    }

    private void Touch(string? path)
    {
        if (path is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var source = SourceAt(path);
            source.Timer ??= _time.CreateTimer(state => Fire((WatchedSource)state!), source, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            source.Timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private WatchedSource SourceAt(string path)
    {
        if (!_sources.TryGetValue(path, out var source))
        {
            source = new WatchedSource(path);
            _sources.Add(path, source);
        }

        return source;
    }

    private void Fire(WatchedSource source)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (source.Running)
            {
                source.Pending = true;
                return;
            }

            source.Running = true;
            _runningCallbacks++;
        }

        var outer = t_deliveringFor;
        t_deliveringFor = this;
        try
        {
            while (true)
            {
                Deliver(source);
                lock (_gate)
                {
                    // Decided under the lock, so a timer firing now either sees Running or is not lost.
                    if (source.Pending && !_disposed)
                    {
                        source.Pending = false;
                        continue;
                    }

                    source.Running = false;
                    _runningCallbacks--;
                    Monitor.PulseAll(_gate);
                    return;
                }
            }
        }
        finally
        {
            t_deliveringFor = outer;
        }
    }

    // Never throws: it runs on a timer thread, where an exception would end the process.
    private void Deliver(WatchedSource source)
    {
        PluginSourceKind? kind;
        try
        {
            kind = PluginSourceLocator.Classify(source.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Touch(source.Path);  // caught mid-change (e.g. a folder being deleted): look again once it settles
            return;
        }

        PluginChange change;
        lock (_gate)
        {
            if (kind is { } now)
            {
                change = new PluginChange(source.Path, now, Removed: false);
            }
            else if (source.KnownKind is { } was)
            {
                change = new PluginChange(source.Path, was, Removed: true);
            }
            else
            {
                return;  // never was a plugin (a notes folder, a package copied and deleted at once)
            }

            source.KnownKind = kind;
        }

        try
        {
            _onChange(change);
        }
        catch (Exception e)  // whatever the host's reload throws must end neither the process nor the watching
        {
            Report(change, e);
        }
    }

    private void Report(PluginChange change, Exception failure)
    {
        try
        {
            (CallbackFailed ?? TraceFailure)(change, failure);
        }
        catch (Exception e)  // a failing failure handler: the trace is all that is left
        {
            TraceFailure(change, e);
        }
    }

    private static void TraceFailure(PluginChange change, Exception failure) =>
        Trace.TraceError($"Plugin change handler failed for {change.SourcePath}: {failure}");
}
