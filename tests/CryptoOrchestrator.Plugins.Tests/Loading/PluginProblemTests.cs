using CryptoOrchestrator.Plugins.Loading;

namespace CryptoOrchestrator.Plugins.Tests.Loading;

/// <summary>What the loader reports, instead of throwing, for plugins it cannot use.</summary>
public sealed class PluginProblemTests : IDisposable
{
    private readonly TemporaryPluginsDirectory _plugins = new();
    private readonly PluginLoader _loader;

    public PluginProblemTests() => _loader = _plugins.CreateLoader();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void SdkRangeExcludingTheHost_IsNotSupported_NamingTheRangeAndTheHostSdk()
    {
        var folder = TestPluginCompiler.WriteFolder(_plugins.Path, "FutureSdk", TestPluginCompiler.Strategy("test-future-sdk", sdkRange: "[9.0.0, 10.0.0)"));

        var loaded = _loader.LoadFolder(folder);

        Assert.Empty(loaded.Plugins);
        Assert.True(loaded.IsUnloaded);
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(PluginProblemKind.NotSupported, problem.Kind);
        Assert.Equal(PluginStatus.NotSupported, problem.Kind.ToStatus());
        Assert.Equal("test-future-sdk", problem.PluginId);
        Assert.Equal("1.0.0", problem.Version);
        Assert.Contains("[9.0.0, 10.0.0)", problem.Reason, StringComparison.Ordinal);
        Assert.Contains($"SDK {SdkVersion.Current.ToNormalizedString()}", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowingConstructor_IsMalfunctioned_WithWhatItThrew()
    {
        var folder = TestPluginCompiler.WriteFolder(_plugins.Path, "Grumpy", TestPluginCompiler.Strategy("test-grumpy", constructor: "throw new System.InvalidOperationException(\"not today\");"));

        var problem = Assert.Single(_loader.LoadFolder(folder).Problems);

        Assert.Equal(PluginProblemKind.Malfunctioned, problem.Kind);
        Assert.Equal(PluginStatus.Malfunctioned, problem.Kind.ToStatus());
        Assert.Equal("constructor threw InvalidOperationException: not today", problem.Reason);
        Assert.Equal("Plugin", problem.TypeName);
    }

    [Fact]
    public void CorruptAssembly_IsUnreadable_NamingTheOriginalFile()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var corrupt = _plugins.AddFile("Broken", "Broken.dll", bytes);

        var loaded = _loader.LoadFolder(Path.GetDirectoryName(corrupt)!);

        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(PluginProblemKind.Unreadable, problem.Kind);
        Assert.Equal(corrupt, problem.File);
        Assert.Contains("BadImageFormatException", problem.Reason, StringComparison.Ordinal);
        Assert.True(loaded.Unload().IsCollected || loaded.IsUnloaded);
    }

    [Fact]
    public void MissingDependency_IsNotSupported_BeforeAnyInstanceIsCreated()
    {
        var gadgets = PluginIsolationTests.GadgetsLibrary(_plugins.Scratch("lib"));
        var marker = Path.Combine(_plugins.Root, "constructed.txt");
        // Gadgets.dll is referenced only inside a method body, and is not shipped beside the plugin.
        var source = TestPluginCompiler.Strategy("test-needs-gadgets", constructor: $"System.IO.File.WriteAllText(@\"{marker}\", \"yes\");", members: "public int Answer() => Gadget.Answer();");
        var folder = TestPluginCompiler.WriteFolder(_plugins.Path, "NeedsGadgets", source, gadgets);

        var loaded = _loader.LoadFolder(folder);

        Assert.Empty(loaded.Plugins);
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(PluginProblemKind.NotSupported, problem.Kind);
        Assert.Equal("Plugin", problem.TypeName);
        Assert.Contains("Answer", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("Gadgets", problem.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "The plugin was created although one of its types cannot load.");
    }

    [Fact]
    public void HostsPrivateDependency_IsNeverLentToAPlugin()
    {
        // The host itself runs NuGet.Versioning, but only the SDK and the framework are shared.
        var versioning = typeof(NuGet.Versioning.NuGetVersion).Assembly.Location;
        var source = TestPluginCompiler.Strategy("test-borrower", members: "public string Parse() => NuGet.Versioning.NuGetVersion.Parse(\"1.0.0\").ToString();");
        var folder = TestPluginCompiler.WriteFolder(_plugins.Path, "Borrower", source, versioning);

        var problem = Assert.Single(_loader.LoadFolder(folder).Problems);

        Assert.Equal(PluginProblemKind.NotSupported, problem.Kind);
        Assert.Contains("NuGet.Versioning", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("neither bundled", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutItsMainAssembly_IsNoPlugin_AndNothingStaysLoaded()
    {
        var folder = Path.GetDirectoryName(_plugins.AddFile("Lonely", "Other.dll", [1, 2, 3]))!;

        var loaded = _loader.LoadFolder(folder);

        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(PluginProblemKind.NoPlugin, problem.Kind);
        Assert.Contains("Lonely.dll", problem.Reason, StringComparison.Ordinal);
        Assert.True(loaded.IsUnloaded);
        Assert.True(loaded.Unload().IsCollected);
    }

    [Fact]
    public void MissingFolder_IsMisuse_AndThrowsNamingIt()
    {
        var missing = Path.Combine(_plugins.Path, "Nowhere");

        var error = Assert.Throws<DirectoryNotFoundException>(() => _loader.LoadFolder(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PluginProblemKind.NotSupported, PluginStatus.NotSupported)]
    [InlineData(PluginProblemKind.Invalid, PluginStatus.NotSupported)]
    [InlineData(PluginProblemKind.NoPlugin, PluginStatus.NotSupported)]
    [InlineData(PluginProblemKind.Unreadable, PluginStatus.Malfunctioned)]
    [InlineData(PluginProblemKind.Malfunctioned, PluginStatus.Malfunctioned)]
    [InlineData(PluginProblemKind.Superseded, PluginStatus.Superseded)]
    public void ProblemKinds_MapToStatuses(PluginProblemKind kind, PluginStatus status) => Assert.Equal(status, kind.ToStatus());
}
