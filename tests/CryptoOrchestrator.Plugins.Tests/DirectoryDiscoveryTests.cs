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
}
