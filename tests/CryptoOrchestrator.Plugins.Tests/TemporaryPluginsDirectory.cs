namespace CryptoOrchestrator.Plugins.Tests;

/// <summary>A plugins directory under the temp folder, deleted on dispose.</summary>
public sealed class TemporaryPluginsDirectory : IDisposable
{
    public const string SmaCrossoverFolder = "CryptoOrchestrator.Strategies.SmaCrossover";

    public TemporaryPluginsDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "co-plugins-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Copies the SMA crossover plugin's real build output (placed beside the tests by the build) into its folder.</summary>
    public string AddSmaCrossover()
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "reference-plugins", SmaCrossoverFolder);
        Assert.True(Directory.Exists(source), $"The build did not copy the reference plugin to {source}.");
        var target = Directory.CreateDirectory(System.IO.Path.Combine(Path, SmaCrossoverFolder)).FullName;
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        return System.IO.Path.Combine(target, SmaCrossoverFolder + ".dll");
    }

    /// <summary>Writes <paramref name="bytes"/> as <c>&lt;folder&gt;/&lt;fileName&gt;</c> (the folder may be empty for the root).</summary>
    public string AddFile(string folder, string fileName, byte[] bytes)
    {
        var directory = Directory.CreateDirectory(System.IO.Path.Combine(Path, folder)).FullName;
        var file = System.IO.Path.Combine(directory, fileName);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A loaded assembly may still be mapped on some platforms; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
