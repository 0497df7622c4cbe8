namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>
/// Every entry of a package must land inside the folder it is extracted to. One entry that is rooted,
/// absolute or climbs out through <c>..</c> rejects the whole package: such a package is hostile or
/// broken, and nothing of it is written.
/// </summary>
internal static class PackageEntryRules
{
    /// <summary>The entry name as a relative path with forward slashes (zip tools on Windows may write backslashes).</summary>
    public static string Normalize(string entryName) => entryName.Replace('\\', '/');

    /// <summary>Why the package must be rejected, naming its first unsafe entry; null when every entry stays inside.</summary>
    public static string? FindUnsafeEntry(IEnumerable<string> entryNames)
    {
        foreach (var name in entryNames)
        {
            var path = Normalize(name);
            if (path.StartsWith('/'))
            {
                return $"entry '{name}' is rooted; every entry must be a path inside the package";
            }

            // A drive ("C:"), a UNC or device path, or an NTFS stream ("file:stream") all need a colon or a rooted form.
            if (path.Contains(':', StringComparison.Ordinal) || Path.IsPathRooted(path))
            {
                return $"entry '{name}' is an absolute path; every entry must be a path inside the package";
            }

            if (path.Split('/').Contains(".."))
            {
                return $"entry '{name}' escapes the extraction folder through '..'";
            }
        }

        return null;
    }
}
