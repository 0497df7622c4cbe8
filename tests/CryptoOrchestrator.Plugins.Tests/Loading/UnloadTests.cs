using System.Runtime.CompilerServices;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.Loading;

/// <summary>Unloading: contexts really collected, leaks reported, shadow copies deleted, originals replaceable.</summary>
public sealed class UnloadTests : IDisposable
{
    private readonly TemporaryPluginsDirectory _plugins = new();
    private readonly PluginLoader _loader;
    private object? _held;

    public UnloadTests() => _loader = _plugins.CreateLoader();

    private string Cache => _loader.Options.CacheDirectory;

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void HeldInstance_KeepsItsContextAlive_AndTheLeakReportNamesTheContext()
    {
        var handle = LoadHoldAndUnload(TestPluginCompiler.WriteFolder(_plugins.Path, "Held", TestPluginCompiler.Strategy("test-held")));

        var leaked = handle.WaitForCollection(maxGcRounds: 3);

        Assert.False(leaked.Collected);
        Assert.False(handle.IsCollected);
        Assert.Equal(3, leaked.GcRounds);
        Assert.Equal("Held#1", leaked.ContextName);
        Assert.Contains("'Held#1'", leaked.LeakReport, StringComparison.Ordinal);
        Assert.Contains("test-held", leaked.LeakReport, StringComparison.Ordinal);
        Assert.Contains("still alive after 3 full collections", leaked.LeakReport, StringComparison.Ordinal);

        _held = null;
        var released = handle.WaitForCollection();

        Assert.True(released.Collected, released.LeakReport);
        Assert.Null(released.LeakReport);
        Assert.True(handle.IsCollected);
    }

    [Fact]
    public void Unload_IsIdempotent_AndLetsGoOfThePlugins()
    {
        var loaded = _loader.LoadFolder(_plugins.AddPluginUnderTest(TemporaryPluginsDirectory.SmaCrossoverFolder));

        var first = loaded.Unload();
        var second = loaded.Unload();

        Assert.Same(first, second);
        Assert.True(loaded.IsUnloaded);
        Assert.Empty(loaded.Plugins);
        Assert.Equal(["sma-crossover"], loaded.PluginIds);
        Assert.True(first.WaitForCollection().Collected);
    }

    [Fact]
    public void ShadowCopy_IsWhatRuns_AndIsDeletedOnceTheContextIsCollected()
    {
        var folder = _plugins.AddPluginUnderTest(TemporaryPluginsDirectory.SmaCrossoverFolder);

        var (handle, location) = LoadAndUnload(folder);

        Assert.StartsWith(Path.Combine(Cache, "shadow"), location, StringComparison.Ordinal);
        Assert.True(handle.WaitForCollection().Collected);
        Assert.False(File.Exists(location));
        Assert.False(Directory.Exists(Path.GetDirectoryName(location)));
    }

    [Fact]
    public void OriginalFiles_CanBeOverwrittenWhileLoaded_AndTheNextGenerationRunsTheNewBuild()
    {
        var folder = TestPluginCompiler.WriteFolder(_plugins.Path, "Swap", TestPluginCompiler.Strategy("test-swap", version: "1.0.0"));
        var first = _loader.LoadFolder(folder);

        // In place, as a build writes its output: the running generation must not notice.
        File.WriteAllBytes(Path.Combine(folder, "Swap.dll"), TestPluginCompiler.Compile("Swap", TestPluginCompiler.Strategy("test-swap", version: "2.0.0")));
        var second = _loader.LoadFolder(folder);

        Assert.Equal("1.0.0", Assert.Single(first.Plugins).Create().Metadata.Version);
        Assert.Equal("2.0.0", Assert.Single(second.Plugins).Create().Metadata.Version);
        Assert.Equal(["Swap#1", "Swap#2"], new[] { first.ContextName, second.ContextName });
    }

    [Fact]
    public void ShadowCopiesOfEndedProcesses_AreDeletedAtStart_AndLiveOnesKept()
    {
        var cache = _plugins.Scratch("older-cache");
        var shadows = Directory.CreateDirectory(Path.Combine(cache, "shadow")).FullName;
        var abandoned = Directory.CreateDirectory(Path.Combine(shadows, "4242-ended", "Momentum#1.1")).Parent!.FullName;
        File.WriteAllText(Path.Combine(abandoned, "Momentum#1.1", "Momentum.dll"), "stale");
        File.WriteAllText(Path.Combine(shadows, "4242-ended.lock"), "");
        var crashed = Directory.CreateDirectory(Path.Combine(shadows, "4343-crashed")).FullName;
        using var liveLock = new FileStream(Path.Combine(shadows, "4444-running.lock"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        var live = Directory.CreateDirectory(Path.Combine(shadows, "4444-running")).FullName;

        _ = new PluginLoader(new PluginLoaderOptions { CacheDirectory = cache });

        Assert.False(Directory.Exists(abandoned));
        Assert.False(File.Exists(Path.Combine(shadows, "4242-ended.lock")));
        Assert.False(Directory.Exists(crashed));
        Assert.True(Directory.Exists(live));
        var own = Assert.Single(Directory.GetDirectories(shadows), folder => folder != live);
        Assert.StartsWith($"{Environment.ProcessId}-", Path.GetFileName(own), StringComparison.Ordinal);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private UnloadHandle LoadHoldAndUnload(string folder)
    {
        var loaded = _loader.LoadFolder(folder);
        _held = Assert.Single(loaded.Plugins).Create();
        return loaded.Unload();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private (UnloadHandle Handle, string Location) LoadAndUnload(string folder)
    {
        var loaded = _loader.LoadFolder(folder);
        var plugin = Assert.Single(loaded.Plugins);
        Assert.IsAssignableFrom<IStrategy>(plugin.Create());
        return (loaded.Unload(), plugin.PluginType.Assembly.Location);
    }
}
