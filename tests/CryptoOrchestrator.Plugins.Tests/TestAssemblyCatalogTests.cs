using CryptoOrchestrator.Plugins.Tests.TestPlugins;
using CryptoOrchestrator.Sdk.Plugins;
using NuGet.Versioning;

namespace CryptoOrchestrator.Plugins.Tests;

/// <summary>Discovery over this test assembly, whose TestPlugins folder holds one plugin per failure mode.</summary>
public sealed class TestAssemblyCatalogTests
{
    private static PluginCatalog CatalogOfTestPlugins(NuGetVersion? sdkVersion = null) =>
        new PluginCatalogBuilder(new PluginCatalogOptions { SdkVersion = sdkVersion ?? SdkVersion.Current })
            .AddAssembly(typeof(TestStrategy).Assembly)
            .Build();

    private static PluginLoadProblem ProblemOf<TPlugin>(PluginCatalog catalog) =>
        Assert.Single(catalog.Problems, problem => problem.TypeName == typeof(TPlugin).FullName);

    [Fact]
    public void ValidPlugins_AreLoaded_AndAbstractOrInternalTypesAreIgnored()
    {
        var catalog = CatalogOfTestPlugins();

        Assert.Equal(["test-allow-all", "test-counting", "test-duplicate-id"], catalog.Plugins.Select(p => p.Id));
        Assert.DoesNotContain(catalog.Problems, p => p.TypeName == typeof(TestStrategy).FullName || p.PluginId == "test-internal");
    }

    [Fact]
    public void SdkRangeExcludingThisHost_IsNotSupported_NamingThePluginAndBothVersions()
    {
        var problem = ProblemOf<FutureSdkStrategy>(CatalogOfTestPlugins());

        Assert.Equal(PluginProblemKind.NotSupported, problem.Kind);
        Assert.Equal("test-future-sdk", problem.PluginId);
        Assert.Contains("9.0.0", problem.Reason, StringComparison.Ordinal);
        Assert.Contains(SdkVersion.Current.ToNormalizedString(), problem.Reason, StringComparison.Ordinal);
        Assert.Contains("test-future-sdk", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SdkRange_IsCheckedAgainstTheGivenSdkVersion()
    {
        var catalog = CatalogOfTestPlugins(new NuGetVersion(9, 1, 0));

        Assert.True(catalog.TryFind("test-future-sdk", out _));
        Assert.Equal(PluginProblemKind.NotSupported, ProblemOf<CountingStrategy>(catalog).Kind);
    }

    [Theory]
    [InlineData(typeof(UpperCaseIdStrategy), "kebab-case")]
    [InlineData(typeof(TwoPartVersionStrategy), "not a semantic version")]
    [InlineData(typeof(MalformedRangeStrategy), "not a NuGet version range")]
    [InlineData(typeof(KindMismatchStrategy), "declares kind RiskRule but does not implement IRiskRule")]
    [InlineData(typeof(DuplicateParameterStrategy), "'period' more than once")]
    [InlineData(typeof(NoDefaultConstructorStrategy), "no public parameterless constructor")]
    public void InvalidPlugin_IsReportedAsInvalid_WithTheReason(Type pluginType, string reason)
    {
        var catalog = CatalogOfTestPlugins();

        var problem = Assert.Single(catalog.Problems, p => p.TypeName == pluginType.FullName);

        Assert.Equal(PluginProblemKind.Invalid, problem.Kind);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal(typeof(TestStrategy).Assembly.Location, problem.File);
    }

    [Fact]
    public void InvalidPlugin_IsNamedByItsDeclaredId_WhenItGotThatFar()
    {
        Assert.Equal("test-kind-mismatch", ProblemOf<KindMismatchStrategy>(CatalogOfTestPlugins()).PluginId);
    }

    [Theory]
    [InlineData(typeof(ThrowingConstructorStrategy), "constructor threw InvalidOperationException: constructor refuses")]
    [InlineData(typeof(ThrowingMetadataStrategy), "Metadata threw InvalidOperationException: metadata refuses")]
    public void ThrowingPlugin_IsMalfunctioned_AndTheOthersStillLoad(Type pluginType, string reason)
    {
        var catalog = CatalogOfTestPlugins();

        var problem = Assert.Single(catalog.Problems, p => p.TypeName == pluginType.FullName);

        Assert.Equal(PluginProblemKind.Malfunctioned, problem.Kind);
        Assert.Equal(reason, problem.Reason);
        Assert.True(catalog.TryFind("test-counting", out _));
    }

    [Fact]
    public void DuplicateIds_KeepTheHighestVersion_AndReportTheOthersAsSuperseded()
    {
        var catalog = CatalogOfTestPlugins();

        var kept = catalog.Find("test-duplicate-id");
        var problem = ProblemOf<DuplicateIdV1Strategy>(catalog);

        Assert.Equal(typeof(DuplicateIdV2Strategy), kept.PluginType);
        Assert.Equal("1.10.0", kept.Version.ToNormalizedString());
        Assert.Equal(PluginProblemKind.Superseded, problem.Kind);
        Assert.Equal("test-duplicate-id", problem.PluginId);
        Assert.Contains("1.9.0 is superseded by version 1.10.0", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Discovery_CreatesAndDisposesOneProbe_AndTheFactoryCreatesFreshInstances()
    {
        var constructedBefore = CountingStrategy.Constructed;
        var disposedBefore = CountingStrategy.Disposed;
        var catalog = CatalogOfTestPlugins();
        Assert.Equal(1, CountingStrategy.Constructed - constructedBefore);
        Assert.Equal(1, CountingStrategy.Disposed - disposedBefore);

        var descriptor = catalog.Find("test-counting");
        var first = descriptor.Create();
        var second = descriptor.Factory();

        Assert.IsType<CountingStrategy>(first);
        Assert.NotSame(first, second);
        Assert.Equal(3, CountingStrategy.Constructed - constructedBefore);
    }

    [Fact]
    public void Find_UnknownId_Throws_ListingTheLoadedPlugins()
    {
        var catalog = CatalogOfTestPlugins();

        var error = Assert.Throws<PluginNotFoundException>(() => catalog.Find("rsi"));

        Assert.Equal("rsi", error.PluginId);
        Assert.Equal(["test-allow-all", "test-counting", "test-duplicate-id"], error.AvailableIds);
        Assert.Contains("'rsi'", error.Message, StringComparison.Ordinal);
        Assert.Contains("test-allow-all 0.3.0-beta.1 (RiskRule), test-counting 1.0.0 (Strategy)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_IdThatFailedToLoad_Throws_SayingWhy()
    {
        var catalog = CatalogOfTestPlugins();

        var error = Assert.Throws<PluginNotFoundException>(() => catalog.Find("test-future-sdk"));

        Assert.Contains("not loaded (NotSupported)", error.Message, StringComparison.Ordinal);
        Assert.Contains("requires SDK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetStrategy_OfAPluginOfAnotherKind_Throws_ListingOnlyStrategies()
    {
        var catalog = CatalogOfTestPlugins();

        var error = Assert.Throws<PluginNotFoundException>(() => catalog.GetStrategy("test-allow-all"));

        Assert.Contains("'test-allow-all' is a RiskRule plugin", error.Message, StringComparison.Ordinal);
        Assert.Equal(["test-counting", "test-duplicate-id"], error.AvailableIds);
    }

    [Fact]
    public void Find_ByKind_ReturnsThePlugin()
    {
        var catalog = CatalogOfTestPlugins();

        Assert.Equal(typeof(AllowAllRiskRule), catalog.Find("test-allow-all", PluginKind.RiskRule).PluginType);
        Assert.Equal(typeof(CountingStrategy), catalog.GetStrategy("test-counting").PluginType);
    }

    [Fact]
    public void TestAssembly_HasNoProblemsBeyondItsDeliberatelyBrokenPlugins()
    {
        var catalog = CatalogOfTestPlugins();

        Assert.Equal(10, catalog.Problems.Count);
        Assert.All(catalog.Problems, p => Assert.StartsWith(typeof(TestStrategy).Namespace + ".", p.TypeName, StringComparison.Ordinal));
    }
}
