using System.IO.Compression;

namespace CryptoOrchestrator.Plugins.Tests.Loading;

/// <summary>Writes .nupkg files the way <c>dotnet pack</c> lays them out: a .nuspec at the root and the given entries.</summary>
internal static class TestPackage
{
    public static string Write(string path, string id, string version, IEnumerable<(string Entry, byte[] Bytes)> files, string dependencies = "")
    {
        using var package = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(package, $"{id}.nuspec", System.Text.Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{id}</id>
                <version>{version}</version>
                <authors>tests</authors>
                <description>A plugin package written by a test.</description>
                <dependencies>{dependencies}</dependencies>
              </metadata>
            </package>
            """));
        foreach (var (entry, bytes) in files)
        {
            Add(package, entry, bytes);
        }

        return path;
    }

    /// <summary>Every file of <paramref name="folder"/> (recursively) as entries under <paramref name="prefix"/>.</summary>
    public static IEnumerable<(string Entry, byte[] Bytes)> Folder(string folder, string prefix) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => (prefix + Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllBytes(file)));

    private static void Add(ZipArchive package, string name, byte[] bytes)
    {
        using var stream = package.CreateEntry(name).Open();
        stream.Write(bytes);
    }
}
