using System.IO.Compression;
using System.Security.Cryptography;

namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>
/// Packages extracted under <c>&lt;cache&gt;/packages/&lt;id&gt;/&lt;version&gt;/</c> (lower case). Extraction goes to a
/// temporary folder that is renamed into place, so a reader never sees half a package; a marker with
/// the .nupkg's SHA-256 lets an unchanged package skip extraction and a republished one replace it.
/// </summary>
internal sealed class PackageCache(string cacheDirectory)
{
    private const string Marker = ".nupkg.sha256";
    private static readonly Lock Extracting = new();
    private readonly string _root = Path.Combine(cacheDirectory, "packages");

    /// <summary>The folder holding <paramref name="package"/>'s files; its entries must have passed <see cref="PackageEntryRules"/>.</summary>
    public string Extract(string nupkgPath, ZipArchive package, PackageManifest manifest)
    {
        var target = Path.Combine(_root, manifest.Id.ToLowerInvariant(), manifest.Version.ToNormalizedString().ToLowerInvariant());
        string hash;
        using (var stream = File.OpenRead(nupkgPath))
        {
            hash = Convert.ToHexString(SHA256.HashData(stream));
        }

        lock (Extracting)
        {
            if (HoldsPackage(target, hash))
            {
                return target;
            }

            var temporary = Path.Combine(_root, $".extract-{Guid.NewGuid():N}");
            try
            {
                foreach (var entry in package.Entries.Where(entry => !PackageEntryRules.Normalize(entry.FullName).EndsWith('/')))
                {
                    var file = Path.Combine(temporary, PackageEntryRules.Normalize(entry.FullName));
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    entry.ExtractToFile(file, overwrite: false);
                }

                File.WriteAllText(Path.Combine(temporary, Marker), hash);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (Directory.Exists(target))
                {
                    // Same id and version, other content: the loaded generations run from shadow copies, so it can go.
                    var stale = Path.Combine(_root, $".stale-{Guid.NewGuid():N}");
                    Directory.Move(target, stale);
                    TryDelete(stale);
                }

                try
                {
                    Directory.Move(temporary, target);
                }
                catch (IOException) when (HoldsPackage(target, hash))
                {
                    // Another process extracted the same package meanwhile.
                }

                return target;
            }
            finally
            {
                TryDelete(temporary);
            }
        }
    }

    private static bool HoldsPackage(string folder, string hash)
    {
        var marker = Path.Combine(folder, Marker);
        return File.Exists(marker) && string.Equals(File.ReadAllText(marker), hash, StringComparison.Ordinal);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftovers start with '.', never match a package folder, and cost only disk space.
        }
    }
}
