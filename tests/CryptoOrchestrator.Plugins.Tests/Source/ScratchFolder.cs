namespace CryptoOrchestrator.Plugins.Tests.Source;

/// <summary>A folder under the temp directory for files a test writes; deleted with everything in it on dispose.</summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "co-scratch-" + Guid.NewGuid().ToString("N"))).FullName;
    }

    public string Root { get; }

    /// <summary>The full path of <paramref name="relativePath"/> (with <c>/</c> separators) under the root.</summary>
    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/>, creating its folders; returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Creates the folder <paramref name="relativePath"/>; returns its full path.</summary>
    public string Folder(string relativePath) => Directory.CreateDirectory(PathOf(relativePath)).FullName;

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
