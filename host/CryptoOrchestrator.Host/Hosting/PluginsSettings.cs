namespace CryptoOrchestrator.Host.Hosting;

/// <summary>The <c>Plugins</c> section: where the host finds plugins and keeps their files.</summary>
internal sealed class PluginsSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Plugins";

    /// <summary>The folder of installed plugins; the <c>plugins</c> folder beside the executable when empty.</summary>
    public string? Directory { get; set; }

    /// <summary>The plugin status file; <c>state/plugin-status.json</c> beside the plugins folder when empty.</summary>
    public string? StatusFile { get; set; }

    /// <summary>Shadow copies and extracted packages; <c>cache/plugins</c> beside the plugins folder when empty.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Watch the plugins folder and swap new versions into running bots.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Quiet time after a plugin's last file change before it is reloaded, in milliseconds.</summary>
    public int DebounceMs { get; set; } = 300;
}
