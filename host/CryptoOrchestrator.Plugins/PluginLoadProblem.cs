namespace CryptoOrchestrator.Plugins;

/// <summary>A plugin, or a file that should hold one, that was left out of the catalog, and why.</summary>
/// <param name="File">The assembly or folder at fault.</param>
/// <param name="TypeName">The plugin type's full name, when the problem is one type's.</param>
/// <param name="PluginId">The plugin's declared id, when it got as far as declaring one.</param>
/// <param name="Kind">The class of problem.</param>
/// <param name="Reason">What is wrong, for the operator.</param>
public sealed record PluginLoadProblem(string File, string? TypeName, string? PluginId, PluginProblemKind Kind, string Reason)
{
    /// <summary>The plugin's declared version, when it got as far as declaring one.</summary>
    public string? Version { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var subject = PluginId ?? TypeName;
        return subject is null ? $"{File}: {Kind}: {Reason}" : $"{File}: {subject}: {Kind}: {Reason}";
    }
}
