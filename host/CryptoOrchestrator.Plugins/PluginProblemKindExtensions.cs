namespace CryptoOrchestrator.Plugins;

/// <summary>How a load problem shows as a plugin's status.</summary>
public static class PluginProblemKindExtensions
{
    /// <summary>
    /// NotSupported and Invalid → <see cref="PluginStatus.NotSupported"/>; Unreadable and Malfunctioned →
    /// <see cref="PluginStatus.Malfunctioned"/>; Superseded → <see cref="PluginStatus.Superseded"/>.
    /// NoPlugin has no plugin id to carry a status; it is listed as a problem and maps to
    /// <see cref="PluginStatus.NotSupported"/> (nothing there this host can use).
    /// </summary>
    public static PluginStatus ToStatus(this PluginProblemKind kind) => kind switch
    {
        PluginProblemKind.NotSupported or PluginProblemKind.Invalid or PluginProblemKind.NoPlugin => PluginStatus.NotSupported,
        PluginProblemKind.Unreadable or PluginProblemKind.Malfunctioned => PluginStatus.Malfunctioned,
        PluginProblemKind.Superseded => PluginStatus.Superseded,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a plugin problem kind"),
    };
}
