using System.Runtime.Loader;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Plugins.Status;
using CryptoOrchestrator.Plugins.Tests.Loading;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests;

public sealed class DirectoryDiscoveryTests : IDisposable
{
    private readonly TemporaryPluginsDirectory _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void Discover_FindsTheSmaCrossoverPlugin_FromItsBuildOutput()
    {
        var assembly = _plugins.AddSmaCrossover();

        var catalog = PluginCatalog.Discover(_plugins.Path);

        Assert.Empty(catalog.Problems);
        var sma = Assert.Single(catalog.Plugins);
        Assert.Equal("sma-crossover", sma.Id);
        Assert.Equal(PluginKind.Strategy, sma.Kind);
        Assert.Equal("1.0.0", sma.Version.ToNormalizedString());
        Assert.Equal(assembly, sma.SourceFile);
        Assert.Equal(["fast", "slow", "allow-short"], sma.Metadata.Parameters.Select(p => p.Name));
        Assert.True(sma.SdkVersionRange.Satisfies(catalog.SdkVersion));
    }

    [Fact]
    public void CreateStrategy_ReturnsAFreshInstanceEachCall()
    {
        _plugins.AddSmaCrossover();
        var catalog = PluginCatalog.Discover(_plugins.Path);

        var first = catalog.CreateStrategy("sma-crossover");
        var second = catalog.CreateStrategy("sma-crossover");

        Assert.NotSame(first, second);
        Assert.Equal("SmaCrossoverStrategy", first.GetType().Name);
        Assert.Equal("sma-crossover", second.Metadata.Id);
    }

    [Fact]
    public void CorruptAssembly_IsReportedNamingTheFile_AndTheGoodPluginStillLoads()
    {
        var random = new Random(20261121);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        var corrupt = _plugins.AddFile("Broken", "Broken.dll", bytes);
        _plugins.AddSmaCrossover();

        var catalog = PluginCatalog.Discover(_plugins.Path);

        Assert.Equal("sma-crossover", Assert.Single(catalog.Plugins).Id);
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(corrupt, problem.File);
        Assert.Equal(PluginProblemKind.Unreadable, problem.Kind);
        Assert.Contains("Broken.dll", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutItsMainAssembly_IsReported()
    {
        _plugins.AddFile("Lonely", "Other.dll", [1, 2, 3]);

        var catalog = PluginCatalog.Discover(_plugins.Path);

        Assert.Empty(catalog.Plugins);
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(PluginProblemKind.NoPlugin, problem.Kind);
        Assert.EndsWith("Lonely", problem.File, StringComparison.Ordinal);
        Assert.Contains("Lonely.dll", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AssemblyOutsideAPluginFolder_IsReported_NotLoaded()
    {
        var stray = _plugins.AddFile("", "Stray.dll", [1, 2, 3]);

        var catalog = PluginCatalog.Discover(_plugins.Path);

        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(stray, problem.File);
        Assert.Equal(PluginProblemKind.NoPlugin, problem.Kind);
    }

    [Fact]
    public void MissingPluginsDirectory_Throws_NamingIt()
    {
        var missing = Path.Combine(_plugins.Path, "absent");

        var error = Assert.Throws<DirectoryNotFoundException>(() => PluginCatalog.Discover(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_LoadsEachFolderAndPackageIntoACollectibleContextOfItsOwn_CachingBesideTheDirectory()
    {
        _plugins.AddSmaCrossover();
        TestPackage.Write(
            Path.Combine(_plugins.Path, "json.nupkg"),
            "TestPlugin.Json13",
            "1.0.0",
            TestPackage.Folder(TemporaryPluginsDirectory.BuildOutputOf("TestPlugin.Json13"), "lib/net10.0/"));

        var catalog = PluginCatalog.Discover(_plugins.Path);

        Assert.Empty(catalog.Problems);
        Assert.Equal(["sma-crossover", "test-json-13"], catalog.Plugins.Select(plugin => plugin.Id));
        var contexts = catalog.Plugins.Select(plugin => AssemblyLoadContext.GetLoadContext(plugin.PluginType.Assembly)).ToList();
        Assert.All(contexts, context => Assert.True(Assert.IsType<PluginLoadContext>(context).IsCollectible));
        Assert.Equal(["CryptoOrchestrator.Strategies.SmaCrossover#1", "TestPlugin.Json13#1"], contexts.Select(context => context!.Name));
        Assert.Equal([PluginSourceKind.Folder, PluginSourceKind.Package], catalog.Loaded.Select(loaded => loaded.SourceKind));
        Assert.True(Directory.Exists(Path.Combine(_plugins.DefaultCache, "shadow")));
        Assert.True(Directory.Exists(Path.Combine(_plugins.DefaultCache, "packages", "testplugin.json13", "1.0.0")));
    }

    [Fact]
    public void DisabledPlugin_IsExcludedAndListed_AndItsContextUnloaded()
    {
        _plugins.AddSmaCrossover();
        _plugins.AddPluginUnderTest("TestPlugin.Json13");
        var store = new PluginStatusStore(Path.Combine(_plugins.Root, "state.json"));
        store.Disable("sma-crossover", "replaced by momentum");

        var catalog = PluginCatalog.Discover(_plugins.Path, new PluginCatalogOptions { StatusStore = store });

        Assert.Equal(["test-json-13"], catalog.Plugins.Select(plugin => plugin.Id));
        Assert.Empty(catalog.Problems);
        var excluded = Assert.Single(catalog.Excluded);
        Assert.Equal(("sma-crossover", "1.0.0", PluginKind.Strategy, PluginStatus.Disabled, "replaced by momentum"), (excluded.Id, excluded.Version, excluded.Kind, excluded.Status, excluded.Reason));
        Assert.Equal(["test-json-13"], catalog.Loaded.SelectMany(loaded => loaded.PluginIds));
        var error = Assert.Throws<PluginNotFoundException>(() => catalog.CreateStrategy("sma-crossover"));
        Assert.Contains("Disabled: replaced by momentum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuarantinedVersion_IsExcluded_ButAnotherVersionIsLoaded()
    {
        _plugins.AddSmaCrossover();
        var store = new PluginStatusStore(Path.Combine(_plugins.Root, "state.json"));
        store.Set(new PluginStatusRecord("sma-crossover", PluginStatus.Malfunctioned, "OnBar threw", "1.0.0", null, DateTimeOffset.UnixEpoch));
        var quarantined = PluginCatalog.Discover(_plugins.Path, new PluginCatalogOptions { StatusStore = store });

        store.Set(new PluginStatusRecord("sma-crossover", PluginStatus.Malfunctioned, "OnBar threw", "0.9.0", null, DateTimeOffset.UnixEpoch));
        var fixedBuild = PluginCatalog.Discover(_plugins.Path, new PluginCatalogOptions { StatusStore = store });

        Assert.Empty(quarantined.Plugins);
        Assert.Equal(PluginStatus.Malfunctioned, Assert.Single(quarantined.Excluded).Status);
        Assert.Equal("sma-crossover", Assert.Single(fixedBuild.Plugins).Id);
    }

    [Fact]
    public void CatalogUnload_LetsEveryContextBeCollected()
    {
        _plugins.AddSmaCrossover();
        _plugins.AddPluginUnderTest("TestPlugin.Json12");

        var handles = DiscoverAndUnload(_plugins.Path);

        Assert.Equal(2, handles.Count);
        Assert.All(handles, handle => Assert.True(handle.WaitForCollection().Collected));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IReadOnlyList<UnloadHandle> DiscoverAndUnload(string directory)
    {
        var catalog = PluginCatalog.Discover(directory);
        Assert.Equal(2, catalog.Plugins.Count);
        return catalog.Unload();
    }
}
