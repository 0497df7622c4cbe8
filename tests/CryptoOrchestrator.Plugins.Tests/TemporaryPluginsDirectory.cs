using CryptoOrchestrator.Plugins.Loading;

namespace CryptoOrchestrator.Plugins.Tests;

/// <summary>
/// A scratch root under the temp folder holding a plugins directory (<see cref="Path"/>) and, beside it,
/// the cache discovery uses by default (<c>cache/plugins</c>); all deleted on dispose.
/// </summary>
public sealed class TemporaryPluginsDirectory : IDisposable
{
    public const string SmaCrossoverFolder = "CryptoOrchestrator.Strategies.SmaCrossover";

    public TemporaryPluginsDirectory()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "co-plugins-" + Guid.NewGuid().ToString("N"));
        Path = Directory.CreateDirectory(System.IO.Path.Combine(Root, "plugins")).FullName;
    }

    /// <summary>The scratch root: the plugins directory and the cache live under it.</summary>
    public string Root { get; }

    /// <summary>The plugins directory.</summary>
    public string Path { get; }

    /// <summary>Where <see cref="PluginCatalog.Discover(string)"/> caches for <see cref="Path"/>.</summary>
    public string DefaultCache => System.IO.Path.Combine(Root, "cache", "plugins");

    /// <summary>A folder under the root, outside the plugins directory, for a test's own cache or files.</summary>
    public string Scratch(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Root, name)).FullName;

    /// <summary>A loader caching in <c>&lt;root&gt;/&lt;cacheFolder&gt;</c>, outside the plugins directory.</summary>
    public PluginLoader CreateLoader(string cacheFolder = "cache") =>
        new(new PluginLoaderOptions { CacheDirectory = System.IO.Path.Combine(Root, cacheFolder) });

    /// <summary>Copies the SMA crossover plugin's real build output into its folder; returns its main assembly.</summary>
    public string AddSmaCrossover() => System.IO.Path.Combine(AddPluginUnderTest(SmaCrossoverFolder), SmaCrossoverFolder + ".dll");

    /// <summary>Copies a plugin's real build output (placed beside the tests by the build) into <c>&lt;plugins&gt;/&lt;name&gt;/</c>; returns the folder.</summary>
    public string AddPluginUnderTest(string name, string? folderName = null) =>
        CopyFolder(BuildOutputOf(name), System.IO.Path.Combine(Path, folderName ?? name));

    /// <summary>Where the build put a plugin's output beside the tests.</summary>
    public static string BuildOutputOf(string name)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "plugins-under-test", name);
        Assert.True(Directory.Exists(source), $"The build did not copy the plugin to {source}.");
        return source;
    }

    /// <summary>Writes <paramref name="bytes"/> as <c>&lt;folder&gt;/&lt;fileName&gt;</c> (the folder may be empty for the root).</summary>
    public string AddFile(string folder, string fileName, byte[] bytes)
    {
        var directory = Directory.CreateDirectory(System.IO.Path.Combine(Path, folder)).FullName;
        var file = System.IO.Path.Combine(directory, fileName);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public static string CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A shadow copy may still be mapped on some platforms; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
