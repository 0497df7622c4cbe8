using CryptoOrchestrator.Plugins.Loading;

namespace CryptoOrchestrator.Plugins.Tests.Loading;

/// <summary>Plugins shipped as .nupkg files: extraction, folder choice, native assets and the entries that reject a package.</summary>
public sealed class PluginPackageTests : IDisposable
{
    private const string SqliteGroup = """<group targetFramework="net10.0"><dependency id="Microsoft.Data.Sqlite" version="10.0.11" /><dependency id="CryptoOrchestrator.Sdk" version="0.2.0" /></group>""";
    private readonly TemporaryPluginsDirectory _plugins = new();
    private readonly PluginLoader _loader;

    public PluginPackageTests() => _loader = _plugins.CreateLoader();

    private string Cache => _loader.Options.CacheDirectory;

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void Packages_AreChosenForNet10_UnlessToldOtherwise()
    {
        Assert.Equal(NuGet.Frameworks.NuGetFramework.Parse("net10.0"), _loader.Options.TargetFramework);
        Assert.Equal("net10.0", _loader.Options.TargetFramework.GetShortFolderName());
    }

    [Fact]
    public void Package_LoadsItsNearestLibFolder_AndItsNativeLibraryForThisRuntime()
    {
        var package = SqlitePackage("1.2.3");

        var loaded = _loader.LoadPackage(package);

        Assert.Empty(loaded.Problems);
        Assert.Equal(PluginSourceKind.Package, loaded.SourceKind);
        Assert.Equal("TestPlugin.Sqlite", loaded.Name);
        Assert.Equal("TestPlugin.Sqlite#1", loaded.ContextName);
        Assert.Equal(package, loaded.SourcePath);
        var plugin = Assert.Single(loaded.Plugins);
        Assert.Matches(@"^sqlite 3\.\d+\.\d+ says 42$", plugin.Create().Metadata.Description);
        Assert.Equal(package, plugin.SourceFile);
        var mapped = System.Diagnostics.Process.GetCurrentProcess().Modules.Cast<System.Diagnostics.ProcessModule>().Select(module => module.FileName);
        Assert.Contains(mapped, file => file.StartsWith(Cache, StringComparison.Ordinal) && Path.GetFileName(Path.GetDirectoryName(file)) == "native");
        Assert.True(File.Exists(Path.Combine(Cache, "packages", "testplugin.sqlite", "1.2.3", "lib", "net10.0", "TestPlugin.Sqlite.dll")));
        Assert.Equal(["testplugin.sqlite"], Directory.GetDirectories(Path.Combine(Cache, "packages")).Select(Path.GetFileName));
    }

    [Fact]
    public void UnchangedPackage_IsExtractedOnce_AndARepublishedOneReplacesTheExtraction()
    {
        var package = SqlitePackage("1.0.0");
        _loader.LoadPackage(package);
        var extracted = Path.Combine(Cache, "packages", "testplugin.sqlite", "1.0.0");
        var sentinel = Path.Combine(extracted, "sentinel.txt");
        File.WriteAllText(sentinel, "still here");

        Assert.Single(_loader.LoadPackage(package).Plugins);
        Assert.True(File.Exists(sentinel));

        File.Delete(package);
        SqlitePackage("1.0.0", extra: ("readme.txt", [1]));
        Assert.Single(_loader.LoadPackage(package).Plugins);
        Assert.False(File.Exists(sentinel));
        Assert.True(File.Exists(Path.Combine(extracted, "readme.txt")));
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("lib/net10.0/../../../evil.txt")]
    [InlineData("..\\evil.txt")]
    [InlineData("/tmp/evil.txt")]
    [InlineData("C:/evil.txt")]
    public void EntryOutsideThePackage_RejectsTheWholePackage_NamingTheEntry_AndWritesNothing(string entry)
    {
        var good = TemporaryPluginsDirectory.BuildOutputOf("TestPlugin.Json13");
        var package = TestPackage.Write(
            Path.Combine(_plugins.Path, "hostile.1.0.0.nupkg"),
            "TestPlugin.Json13",
            "1.0.0",
            [.. TestPackage.Folder(good, "lib/net10.0/"), (entry, "gotcha"u8.ToArray())]);

        var loaded = _loader.LoadPackage(package);

        Assert.Empty(loaded.Plugins);
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(PluginProblemKind.Invalid, problem.Kind);
        Assert.Equal(package, problem.File);
        Assert.Contains($"'{entry}'", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("whole package is rejected", problem.Reason, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "evil.txt"));
        Assert.Empty(Directory.GetFiles(_plugins.Root, "evil.txt", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(Cache, "packages")));
    }

    [Fact]
    public void DependencyNeitherBundledNorShared_IsNotSupported_NamingIt()
    {
        var package = TestPackage.Write(
            Path.Combine(_plugins.Path, "needy.nupkg"),
            "TestPlugin.Json13",
            "1.0.0",
            TestPackage.Folder(TemporaryPluginsDirectory.BuildOutputOf("TestPlugin.Json13"), "lib/net10.0/"),
            """<group targetFramework="net10.0"><dependency id="Newtonsoft.Json" version="13.0.3" /><dependency id="Contoso.Missing" version="[2.0.0, )" /></group>""");

        var problem = Assert.Single(_loader.LoadPackage(package).Problems);

        Assert.Equal(PluginProblemKind.NotSupported, problem.Kind);
        Assert.Contains("Contoso.Missing [2.0.0, )", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Newtonsoft.Json", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PackageWithoutALibFolderForThisFramework_IsNotSupported_SayingWhatItHas()
    {
        var package = TestPackage.Write(Path.Combine(_plugins.Path, "old.nupkg"), "Old.Plugin", "1.0.0", [("lib/net472/Old.Plugin.dll", [1, 2, 3])]);

        var problem = Assert.Single(_loader.LoadPackage(package).Problems);

        Assert.Equal(PluginProblemKind.NotSupported, problem.Kind);
        Assert.Contains("net10.0", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("net472", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MainAssembly_IsTheOnlyOneInTheLibFolder_WhenNoneIsNamedLikeThePackage()
    {
        var image = TestPluginCompiler.Compile("Whatever", TestPluginCompiler.Strategy("test-only-one"));
        var package = TestPackage.Write(Path.Combine(_plugins.Path, "acme.nupkg"), "Acme.Plugin", "2.0.0", [("Lib/net8.0/Whatever.dll", image)]);

        var loaded = _loader.LoadPackage(package);

        Assert.Empty(loaded.Problems);
        Assert.Equal("Acme.Plugin#1", loaded.ContextName);
        Assert.Equal(["test-only-one"], loaded.PluginIds);
    }

    [Fact]
    public void SeveralAssembliesNoneNamedLikeThePackage_IsNoPlugin()
    {
        var package = TestPackage.Write(
            Path.Combine(_plugins.Path, "contoso.nupkg"),
            "Contoso.Strategies",
            "1.0.0",
            TestPackage.Folder(TemporaryPluginsDirectory.BuildOutputOf("TestPlugin.Json13"), "lib/net10.0/"));

        var problem = Assert.Single(_loader.LoadPackage(package).Problems);

        Assert.Equal(PluginProblemKind.NoPlugin, problem.Kind);
        Assert.Contains("no Contoso.Strategies.dll", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatIsNoZip_IsUnreadable()
    {
        var package = _plugins.AddFile("", "junk.nupkg", [1, 2, 3, 4]);

        var problem = Assert.Single(_loader.LoadPackage(package).Problems);

        Assert.Equal(PluginProblemKind.Unreadable, problem.Kind);
        Assert.Equal(package, problem.File);
    }

    [Fact]
    public void PackageWithoutANuspec_IsInvalid()
    {
        var package = Path.Combine(_plugins.Path, "bare.nupkg");
        using (var zip = System.IO.Compression.ZipFile.Open(package, System.IO.Compression.ZipArchiveMode.Create))
        {
            zip.CreateEntry("lib/net10.0/Bare.dll");
        }

        var problem = Assert.Single(_loader.LoadPackage(package).Problems);

        Assert.Equal(PluginProblemKind.Invalid, problem.Kind);
        Assert.Contains(".nuspec", problem.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// The SQLite test plugin as a package: its assemblies in lib/net10.0/, decoys in older lib folders
    /// (a broken netstandard2.0 build, a net472 one) and its native library under runtimes/&lt;rid&gt;/native/.
    /// </summary>
    private string SqlitePackage(string version, (string Entry, byte[] Bytes)? extra = null)
    {
        var output = TemporaryPluginsDirectory.BuildOutputOf("TestPlugin.Sqlite");
        var assemblies = Directory.EnumerateFiles(output, "*.dll").Select(file => ($"lib/net10.0/{Path.GetFileName(file)}", File.ReadAllBytes(file)));
        var native = TestPackage.Folder(Path.Combine(output, "runtimes"), "runtimes/");
        (string, byte[])[] decoys = [("lib/netstandard2.0/TestPlugin.Sqlite.dll", [0, 1, 2]), ("lib/net472/TestPlugin.Sqlite.dll", [3, 4, 5])];
        return TestPackage.Write(
            Path.Combine(_plugins.Path, "TestPlugin.Sqlite.nupkg"),
            "TestPlugin.Sqlite",
            version,
            [.. assemblies, .. native, .. decoys, .. extra is { } file ? [file] : Array.Empty<(string, byte[])>()],
            SqliteGroup);
    }
}
