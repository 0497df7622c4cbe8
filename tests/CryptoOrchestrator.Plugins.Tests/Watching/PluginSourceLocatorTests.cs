using CryptoOrchestrator.Plugins.Tests.Source;
using CryptoOrchestrator.Plugins.Watching;

namespace CryptoOrchestrator.Plugins.Tests.Watching;

public sealed class PluginSourceLocatorTests : IDisposable
{
    private readonly ScratchFolder _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void Classify_FolderWithItsNamedDll_IsFolder_EvenWithCsFiles()
    {
        _plugins.Write("Momentum/Momentum.dll", "");
        _plugins.Write("Momentum/MomentumStrategy.cs", "");

        Assert.Equal(PluginSourceKind.Folder, PluginSourceLocator.Classify(_plugins.PathOf("Momentum")));
    }

    [Fact]
    public void Classify_FolderWithCsFilesButNoNamedDll_IsSource()
    {
        _plugins.Write("Breakout/Indicators/Channel.cs", "");
        _plugins.Write("Breakout/Other.dll", "");

        Assert.Equal(PluginSourceKind.Source, PluginSourceLocator.Classify(_plugins.PathOf("Breakout")));
    }

    [Fact]
    public void Classify_FolderWhoseOnlyCsFilesAreUnderBinObjOrDotFolders_IsNothing()
    {
        _plugins.Write("Leftovers/bin/Old.cs", "");
        _plugins.Write("Leftovers/obj/Generated.cs", "");
        _plugins.Write("Leftovers/.git/Hook.cs", "");

        Assert.Null(PluginSourceLocator.Classify(_plugins.PathOf("Leftovers")));
    }

    [Fact]
    public void Classify_Files_OnlyNupkgIsAPackage()
    {
        var package = _plugins.Write("Momentum.1.0.0.nupkg", "");
        var text = _plugins.Write("readme.txt", "");

        Assert.Equal(PluginSourceKind.Package, PluginSourceLocator.Classify(package));
        Assert.Null(PluginSourceLocator.Classify(text));
        Assert.Null(PluginSourceLocator.Classify(_plugins.PathOf("missing.nupkg")));
    }

    [Fact]
    public void Enumerate_ListsPluginsInOrdinalOrder_PassingOverTheRest()
    {
        _plugins.Write("beta/beta.dll", "");
        _plugins.Write("Alpha/AlphaStrategy.cs", "");
        _plugins.Write("Zeta.2.0.0.nupkg", "");
        _plugins.Write("docs/readme.md", "");
        _plugins.Write(".hidden/Hidden.cs", "");
        _plugins.Write("notes.txt", "");

        var found = PluginSourceLocator.Enumerate(_plugins.Root);

        Assert.Equal(
            [
                (_plugins.PathOf("Alpha"), PluginSourceKind.Source),
                (_plugins.PathOf("Zeta.2.0.0.nupkg"), PluginSourceKind.Package),
                (_plugins.PathOf("beta"), PluginSourceKind.Folder),
            ],
            found);
    }

    [Fact]
    public void Enumerate_MissingDirectory_ThrowsNamingIt()
    {
        var missing = _plugins.PathOf("absent");

        var thrown = Assert.Throws<DirectoryNotFoundException>(() => PluginSourceLocator.Enumerate(missing));

        Assert.Contains(missing, thrown.Message, StringComparison.Ordinal);
    }
}
