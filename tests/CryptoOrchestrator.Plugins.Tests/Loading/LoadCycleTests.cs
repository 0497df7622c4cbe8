using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Sdk.Plugins;
using Xunit.Abstractions;

namespace CryptoOrchestrator.Plugins.Tests.Loading;

/// <summary>Runs alone: it measures the whole process's heap and its load contexts.</summary>
[CollectionDefinition(nameof(LoadCycleTests), DisableParallelization = true)]
public sealed class LoadCycleCollection;

[Collection(nameof(LoadCycleTests))]
public sealed class LoadCycleTests(ITestOutputHelper output) : IDisposable
{
    private const int Cycles = 500;
    private const int Batch = 50;
    private readonly TemporaryPluginsDirectory _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void FiveHundredLoadUnloadCycles_CollectEveryContext_AndLeaveMemoryAsAfterTheFirst()
    {
        var cache = _plugins.Scratch("cache");
        var loader = new PluginLoader(new PluginLoaderOptions { CacheDirectory = cache });
        var folder = _plugins.AddPluginUnderTest(TemporaryPluginsDirectory.SmaCrossoverFolder);
        var started = Stopwatch.GetTimestamp();

        AssertAllCollected(LoadRunUnload(loader, folder, 1));
        var memoryAfterFirst = GC.GetTotalMemory(forceFullCollection: true);
        var contextsAfterFirst = AssemblyLoadContext.All.Count();
        // Collection is verified a batch at a time: one round of collections reclaims the whole batch.
        for (var done = 1; done < Cycles; done += Batch)
        {
            AssertAllCollected(LoadRunUnload(loader, folder, Math.Min(Batch, Cycles - done)));
        }

        var memoryAfterLast = GC.GetTotalMemory(forceFullCollection: true);
        var contextsAfterLast = AssemblyLoadContext.All.Count();

        output.WriteLine($"{Cycles} cycles in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; heap after the first {memoryAfterFirst:N0} B, after the last {memoryAfterLast:N0} B; contexts {contextsAfterFirst} → {contextsAfterLast}");
        Assert.Equal(contextsAfterFirst, contextsAfterLast);
        Assert.InRange(memoryAfterLast, memoryAfterFirst * 0.95, memoryAfterFirst * 1.05);
        var shadowRoot = Assert.Single(Directory.GetDirectories(Path.Combine(cache, "shadow")));
        Assert.Empty(Directory.GetDirectories(shadowRoot));
    }

    private static void AssertAllCollected(List<UnloadHandle> handles)
    {
        foreach (var handle in handles)
        {
            var outcome = handle.WaitForCollection();
            Assert.True(outcome.Collected, outcome.LeakReport);
        }
    }

    // Nothing of the plugins may outlive this frame: only the handles leave it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<UnloadHandle> LoadRunUnload(PluginLoader loader, string folder, int count)
    {
        var handles = new List<UnloadHandle>(count);
        for (var i = 0; i < count; i++)
        {
            var loaded = loader.LoadFolder(folder);
            var strategy = Assert.IsAssignableFrom<IStrategy>(Assert.Single(loaded.Plugins).Create());
            Assert.Equal("sma-crossover", strategy.Metadata.Id);
            handles.Add(loaded.Unload());
        }

        return handles;
    }
}
