using CryptoOrchestrator.Plugins.Source;

namespace CryptoOrchestrator.Plugins.Watching;

/// <summary>Tells which entries of a plugins directory are plugins, and of which shape.</summary>
public static class PluginSourceLocator
{
    /// <summary>
    /// <see cref="PluginSourceKind.Folder"/> for a folder holding <c>&lt;Name&gt;.dll</c>; <see cref="PluginSourceKind.Source"/>
    /// for a folder holding <c>*.cs</c> files (outside <c>bin/</c>, <c>obj/</c> and dot-folders) but no
    /// <c>&lt;Name&gt;.dll</c>; <see cref="PluginSourceKind.Package"/> for a <c>*.nupkg</c> file; null for anything
    /// else, including a path that does not exist.
    /// </summary>
    public static PluginSourceKind? Classify(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(fullPath))
        {
            return IsPackageFileName(fullPath) ? PluginSourceKind.Package : null;
        }

        if (!Directory.Exists(fullPath))
        {
            return null;
        }

        if (IsBuildOutputFolder(fullPath))
        {
            return PluginSourceKind.Folder;
        }

        return SourceFolderLayout.HasSourceFiles(fullPath) ? PluginSourceKind.Source : null;
    }

    /// <summary>
    /// The plugins directly inside <paramref name="pluginsDirectory"/>, in ordinal order of their full paths.
    /// Dot-entries (<c>.git</c>, <c>.cache</c>…) are passed over.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static IReadOnlyList<(string Path, PluginSourceKind Kind)> Enumerate(string pluginsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginsDirectory);
        var root = Path.GetFullPath(pluginsDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Plugins directory '{root}' does not exist.");
        }

        var found = new List<(string Path, PluginSourceKind Kind)>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(root).Order(StringComparer.Ordinal))
        {
            if (!Path.GetFileName(entry).StartsWith('.') && Classify(entry) is { } kind)
            {
                found.Add((entry, kind));
            }
        }

        return found;
    }

    internal static bool IsPackageFileName(string path) => path.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="folder"/> holds its main assembly <c>&lt;Name&gt;/&lt;Name&gt;.dll</c>.</summary>
    internal static bool IsBuildOutputFolder(string folder) =>
        File.Exists(Path.Combine(folder, Path.GetFileName(folder) + ".dll"));
}
