using System.IO.Compression;
using CryptoOrchestrator.Runtime.Hosting;

namespace CryptoOrchestrator.Runtime.Tests;

/// <summary>A host's folders (plugins, cache, state) under the temp folder, deleted on dispose.</summary>
public sealed class HostDirectory : IDisposable
{
    public const string SmaCrossoverFolder = "CryptoOrchestrator.Strategies.SmaCrossover";

    public HostDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "co-host-" + Guid.NewGuid().ToString("N"));
        Plugins = Directory.CreateDirectory(Path.Combine(Root, "plugins")).FullName;
    }

    public string Root { get; }

    public string Plugins { get; }

    /// <summary>Copies a source plugin of this test project (SourcePlugins/&lt;name&gt;) into the plugins folder.</summary>
    public string InstallSource(string name) => CopyFolder(Path.Combine(AppContext.BaseDirectory, "SourcePlugins", name), name);

    /// <summary>Copies the SMA crossover plugin's real build output into the plugins folder (again, to look like a new build).</summary>
    public string InstallSmaCrossover() => CopyFolder(Path.Combine(AppContext.BaseDirectory, "reference-plugins", SmaCrossoverFolder), SmaCrossoverFolder);

    /// <summary>
    /// Packs the SMA crossover plugin's build output as <c>plugins/sma-crossover.nupkg</c>, the way
    /// <c>dotnet pack</c> lays a package out, replacing the file in one move as a package manager would.
    /// </summary>
    public string InstallSmaCrossoverPackage()
    {
        var stage = Directory.CreateDirectory(Path.Combine(Root, "stage-" + Guid.NewGuid().ToString("N"))).FullName;
        var lib = Directory.CreateDirectory(Path.Combine(stage, "lib", "net10.0")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "reference-plugins", SmaCrossoverFolder)))
        {
            File.Copy(file, Path.Combine(lib, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(stage, SmaCrossoverFolder + ".nuspec"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{SmaCrossoverFolder}</id>
                <version>1.0.0</version>
                <authors>CryptoOrchestrator</authors>
                <description>The SMA crossover strategy as a package.</description>
              </metadata>
            </package>
            """);
        var packed = Path.Combine(Root, Guid.NewGuid().ToString("N") + ".nupkg");
        ZipFile.CreateFromDirectory(stage, packed);
        var target = Path.Combine(Plugins, "sma-crossover.nupkg");
        File.Move(packed, target, overwrite: true);
        return target;
    }

    /// <summary>Rewrites one file of an installed source plugin, replacing <paramref name="from"/> with <paramref name="to"/>.</summary>
    public void EditSource(string name, string file, string from, string to)
    {
        var path = Path.Combine(Plugins, name, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    public PluginHost CreateHost(bool watch = false) => new(new PluginHostOptions
    {
        PluginsDirectory = Plugins,
        WatchForChanges = watch,
        Debounce = TimeSpan.FromMilliseconds(150),
    });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by a context that has not been collected yet; the OS cleans temp.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private string CopyFolder(string source, string name)
    {
        Assert.True(Directory.Exists(source), $"Test plugin folder {source} is missing from the build output.");
        var target = Directory.CreateDirectory(Path.Combine(Plugins, name)).FullName;
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return target;
    }
}
