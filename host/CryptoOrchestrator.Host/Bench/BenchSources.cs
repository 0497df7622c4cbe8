namespace CryptoOrchestrator.Host.Bench;

/// <summary>The source plugins the benchmarks compile, shipped inside the executable.</summary>
internal static class BenchSources
{
    /// <summary>Writes the embedded source <paramref name="resource"/> (e.g. <c>BreakoutStrategy.cs</c>) into <paramref name="folder"/>, a source plugin folder.</summary>
    public static string Install(string resource, string folder)
    {
        Directory.CreateDirectory(folder);
        using var source = typeof(BenchSources).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The benchmark's source plugin {resource} is missing from the executable.");
        using var file = File.Create(Path.Combine(folder, resource));
        source.CopyTo(file);
        return folder;
    }
}
