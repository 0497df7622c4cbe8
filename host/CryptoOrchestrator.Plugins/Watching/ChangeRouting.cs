using CryptoOrchestrator.Plugins.Source;

namespace CryptoOrchestrator.Plugins.Watching;

/// <summary>
/// Maps a file-system event to the plugin source it belongs to (the top-level entry of the plugins
/// directory), or to none when the event cannot change a plugin: editor temp files, build output and
/// IDE state under a source folder, a directory's own timestamp.
/// </summary>
internal static class ChangeRouting
{
    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The full path of the source <paramref name="fullPath"/> belongs to, or null to ignore the event.</summary>
    public static string? SourceOf(string root, string fullPath, WatcherChangeTypes change)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        // A directory's own "changed" only echoes changes to its entries, which arrive as events of their own.
        if (change == WatcherChangeTypes.Changed && Directory.Exists(fullPath))
        {
            return null;
        }

        var segments = relative.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var top = segments[0];
        var source = Path.Combine(root, top);
        var leaf = segments[^1];
        if (top.StartsWith('.') || IsEditorTemporary(leaf))
        {
            return null;
        }

        if (segments.Length == 1)
        {
            return File.Exists(source) && !PluginSourceLocator.IsPackageFileName(source) ? null : source;
        }

        return IsUnderSkippedDirectory(segments, fullPath) && !PluginSourceLocator.IsBuildOutputFolder(source) ? null : source;
    }

    /// <summary>Files editors and tools write next to the real ones while saving: never part of a plugin.</summary>
    public static bool IsEditorTemporary(string name) =>
        name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith('~')
        || name == "4913"                                   // vim probes a folder's writability with it
        || name.StartsWith(".#", StringComparison.Ordinal)  // emacs lock files
        || (name.StartsWith('.') && (name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".swx", StringComparison.OrdinalIgnoreCase)));

    // segments[0] is the source itself; the ones between it and the leaf are folders; the leaf may be one.
    private static bool IsUnderSkippedDirectory(string[] segments, string fullPath)
    {
        for (var i = 1; i < segments.Length - 1; i++)
        {
            if (SourceFolderLayout.IsSkippedDirectoryName(segments[i]))
            {
                return true;
            }
        }

        var leaf = segments[^1];
        return leaf.Equals("bin", StringComparison.OrdinalIgnoreCase)
            || leaf.Equals("obj", StringComparison.OrdinalIgnoreCase)
            || (leaf.StartsWith('.') && Directory.Exists(fullPath));
    }
}
