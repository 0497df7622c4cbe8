using System.Text;

namespace CryptoOrchestrator.Plugins.Tests.Source;

public sealed class SourceDiscoveryTests : IDisposable
{
    private readonly TemporaryPluginsDirectory _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void DiscoveredSourceFolder_IsCompiledIntoItsOwnContext_BesideBuildFolders()
    {
        _plugins.AddSmaCrossover();
        _plugins.AddFile("Breakout", "BreakoutStrategy.cs", Encoding.UTF8.GetBytes(SourceSamples.Strategy));
        _plugins.AddFile(Path.Combine("Breakout", "Helpers"), "Text.cs", Encoding.UTF8.GetBytes(SourceSamples.DescriptionHelper));

        var catalog = PluginCatalog.Discover(_plugins.Path);

        Assert.Empty(catalog.Problems);
        Assert.Equal(["breakout-source", "sma-crossover"], catalog.Plugins.Select(p => p.Id));
        var source = catalog.Find("breakout-source");
        Assert.Equal("1.2.3", source.Version.ToNormalizedString());
        Assert.NotSame(source.PluginType.Assembly, catalog.Find("sma-crossover").PluginType.Assembly);
        Assert.IsAssignableFrom<CryptoOrchestrator.Sdk.Plugins.IStrategy>(catalog.CreateStrategy("breakout-source"));
    }

    [Fact]
    public void SourceFolderThatDoesNotCompile_IsAProblemNamingFileAndLine_AndTheOthersStillLoad()
    {
        _plugins.AddSmaCrossover();
        _plugins.AddFile("Broken", "Broken.cs", Encoding.UTF8.GetBytes("namespace Broken;\n\npublic sealed class Oops\n{\n    int x = ;\n}\n"));

        var catalog = PluginCatalog.Discover(_plugins.Path);

        Assert.Equal("sma-crossover", Assert.Single(catalog.Plugins).Id);
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(PluginStatus.Malfunctioned, problem.Kind.ToStatus());
        Assert.Contains("Broken.cs(5,", problem.Reason, StringComparison.Ordinal);
        Assert.EndsWith("Broken", problem.File, StringComparison.Ordinal);
    }
}
