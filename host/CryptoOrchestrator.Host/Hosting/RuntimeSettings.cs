namespace CryptoOrchestrator.Host.Hosting;

/// <summary>The <c>Runtime</c> section: how bots run and where relative paths start.</summary>
internal sealed class RuntimeSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Runtime";

    /// <summary>
    /// Relative paths in the configuration (plugins, feed files, caches) are resolved against this folder:
    /// by default the folder of the <c>--config</c> file, or the current folder without one.
    /// </summary>
    public string BaseDirectory { get; set; } = Environment.CurrentDirectory;

    /// <summary>Bars a bot may have queued before its feed waits for it.</summary>
    public int InputCapacity { get; set; } = 1_024;

    /// <summary>Bot events that may wait for the event bus (the feed is held back at half of it).</summary>
    public int EventBufferCapacity { get; set; } = 65_536;

    /// <summary>Where replayed CSV files keep their binary caches; beside each file when empty.</summary>
    public string? BarCacheDirectory { get; set; }

    /// <summary>How long a stopping bot may take to hand its last events to the bus, in milliseconds.</summary>
    public int DrainTimeoutMs { get; set; } = 10_000;

    /// <summary><paramref name="path"/> as a full path, relative ones taken from <see cref="BaseDirectory"/>.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, BaseDirectory);
}
