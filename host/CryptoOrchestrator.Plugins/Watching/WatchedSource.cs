namespace CryptoOrchestrator.Plugins.Watching;

/// <summary>One source's debounce timer and callback state; guarded by the watcher's lock.</summary>
internal sealed class WatchedSource(string path)
{
    public string Path { get; } = path;

    /// <summary>Restarted by every change; fires <c>debounce</c> after the last one.</summary>
    public ITimer? Timer { get; set; }

    /// <summary>What it was last seen as; null when it is not (or no longer) a plugin.</summary>
    public PluginSourceKind? KnownKind { get; set; }

    /// <summary>A callback for this source is running; a due change waits for it.</summary>
    public bool Running { get; set; }

    /// <summary>The timer fired while a callback was running: deliver again when it returns.</summary>
    public bool Pending { get; set; }

    /// <summary>The path: names the source wherever its timer shows up.</summary>
    public override string ToString() => Path;
}
