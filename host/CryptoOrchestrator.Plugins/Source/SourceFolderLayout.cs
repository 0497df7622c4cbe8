namespace CryptoOrchestrator.Plugins.Source;

/// <summary>
/// Which files of a source folder are compiled: every <c>*.cs</c>, at any depth, except under
/// <c>bin/</c>, <c>obj/</c> and dot-folders (build output, IDE and VCS state), as an SDK project globs them.
/// The compiler and the change watcher share these rules so they never disagree.
/// </summary>
internal static class SourceFolderLayout
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        // Unix reports every dot-file as hidden; a dot-file is still a source file. Folders are filtered by name instead.
        AttributesToSkip = FileAttributes.None,
        IgnoreInaccessible = false,
        MatchType = MatchType.Simple,
    };

    /// <summary>True for a folder name whose content is never compiled nor watched.</summary>
    public static bool IsSkippedDirectoryName(string name) =>
        name.StartsWith('.')
        || name.Equals("bin", StringComparison.OrdinalIgnoreCase)
        || name.Equals("obj", StringComparison.OrdinalIgnoreCase);

    /// <summary>The source files of <paramref name="folder"/>, relative with <c>/</c> separators, in ordinal order.</summary>
    public static List<string> RelativeSourceFiles(string folder)
    {
        var files = new List<string>();
        Collect(folder, "", files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>True when <paramref name="folder"/> holds at least one source file; stops at the first.</summary>
    public static bool HasSourceFiles(string folder)
    {
        if (Directory.EnumerateFiles(folder, "*", OneLevel).Any(IsSourceFile))
        {
            return true;
        }

        return Directory.EnumerateDirectories(folder, "*", OneLevel).Any(d => IsWalked(d) && HasSourceFiles(d));
    }

    private static void Collect(string directory, string prefix, List<string> files)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", OneLevel))
        {
            if (IsSourceFile(file))
            {
                files.Add(prefix + Path.GetFileName(file));
            }
        }

        foreach (var child in Directory.EnumerateDirectories(directory, "*", OneLevel))
        {
            if (IsWalked(child))
            {
                Collect(child, prefix + Path.GetFileName(child) + "/", files);
            }
        }
    }

    private static bool IsSourceFile(string path) => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    // Links are not followed: a link back up the tree would never end.
    private static bool IsWalked(string directory) =>
        !IsSkippedDirectoryName(Path.GetFileName(directory))
        && (File.GetAttributes(directory) & FileAttributes.ReparsePoint) == 0;
}
