using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.Loading;

/// <summary>Real plugins with private dependencies, loaded side by side in one process.</summary>
public sealed class PluginIsolationTests : IDisposable
{
    private readonly TemporaryPluginsDirectory _plugins = new();
    private readonly PluginLoader _loader;

    public PluginIsolationTests() => _loader = _plugins.CreateLoader();

    private string Cache => _loader.Options.CacheDirectory;

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void TwoMajorsOfOneLibrary_LoadSideBySide_AndEachPluginRunsWithItsOwn()
    {
        var twelve = Assert.Single(_loader.LoadFolder(_plugins.AddPluginUnderTest("TestPlugin.Json12")).Plugins);
        var thirteen = Assert.Single(_loader.LoadFolder(_plugins.AddPluginUnderTest("TestPlugin.Json13")).Plugins);

        Assert.Equal("Newtonsoft.Json 12.0.0.0 wrote [4,2]", twelve.Create().Metadata.Description);
        Assert.Equal("Newtonsoft.Json 13.0.0.0 wrote [4,2]", thirteen.Create().Metadata.Description);
        Assert.Equal(new Version(12, 0, 0, 0), NewtonsoftOf(twelve).GetName().Version);
        Assert.Equal(new Version(13, 0, 0, 0), NewtonsoftOf(thirteen).GetName().Version);
        Assert.StartsWith(Cache, NewtonsoftOf(twelve).Location, StringComparison.Ordinal);
    }

    [Fact]
    public void ContractTypes_AreTheHosts_SoAPluginIsAnIStrategy()
    {
        var plugin = Assert.Single(_loader.LoadFolder(_plugins.AddPluginUnderTest("TestPlugin.Json13")).Plugins);

        var instance = plugin.Create();

        Assert.True(instance is IStrategy);
        Assert.Same(typeof(IStrategy), plugin.PluginType.GetInterface(nameof(IStrategy)));
        var context = Assert.IsType<PluginLoadContext>(AssemblyLoadContext.GetLoadContext(plugin.PluginType.Assembly));
        Assert.True(context.IsCollectible);
        Assert.Equal("TestPlugin.Json13#1", context.Name);
        Assert.DoesNotContain(context.Assemblies, assembly => assembly.GetName().Name == typeof(IPlugin).Assembly.GetName().Name);
    }

    [Fact]
    public void NativeDependency_AnswersAQuery_ThroughThePluginsOwnCopyOfTheNativeLibrary()
    {
        var folder = _plugins.AddPluginUnderTest("TestPlugin.Sqlite");
        var nativeName = Path.GetFileName(Assert.Single(Directory.GetFiles(Path.Combine(folder, "runtimes"), "*", SearchOption.AllDirectories)));

        var plugin = Assert.Single(_loader.LoadFolder(folder).Plugins);

        Assert.Matches(@"^sqlite 3\.\d+\.\d+ says 42$", plugin.Create().Metadata.Description);
        var mapped = Process.GetCurrentProcess().Modules.Cast<ProcessModule>().Select(module => module.FileName);
        Assert.Contains(mapped, file => Path.GetFileName(file) == nativeName && file.StartsWith(Cache, StringComparison.Ordinal));
    }

    [Fact]
    public void StaticState_IsPerContext_NeitherSharedWithAnotherPluginNorWithItsNextGeneration()
    {
        var folder = TestPluginCompiler.WriteFolder(_plugins.Path, "Counter", TestPluginCompiler.Strategy("test-counter"));
        // The very same assembly again, in a second folder: one identity, two contexts.
        var twin = Directory.CreateDirectory(Path.Combine(_plugins.Path, "CounterTwin")).FullName;
        File.Copy(Path.Combine(folder, "Counter.dll"), Path.Combine(twin, "CounterTwin.dll"));

        var first = Assert.Single(_loader.LoadFolder(folder).Plugins);
        var other = Assert.Single(_loader.LoadFolder(twin).Plugins);
        first.Create();
        first.Create();

        // Every count includes the one instance discovery created to read the metadata.
        Assert.Equal("instances=4", first.Create().Metadata.Description);
        Assert.Equal("instances=2", other.Create().Metadata.Description);
        var next = _loader.LoadFolder(folder);
        Assert.Equal(2, next.Generation);
        Assert.Equal("Counter#2", next.ContextName);
        Assert.Equal("instances=2", Assert.Single(next.Plugins).Create().Metadata.Description);
        Assert.Equal("instances=5", first.Create().Metadata.Description);
        Assert.NotEqual(first.PluginType, next.Plugins[0].PluginType);
    }

    [Fact]
    public void PrivateDependency_WithoutADepsFile_ResolvesFromThePluginFolder()
    {
        var gadgets = GadgetsLibrary(_plugins.Scratch("lib"));
        var folder = TestPluginCompiler.WriteFolder(_plugins.Path, "UsesGadgets", TestPluginCompiler.Strategy("test-uses-gadgets", members: "public int Answer() => Gadget.Answer();"), gadgets);
        File.Copy(gadgets, Path.Combine(folder, "Gadgets.dll"));

        var plugin = Assert.Single(_loader.LoadFolder(folder).Plugins);

        var answer = plugin.PluginType.GetMethod("Answer")!.Invoke(plugin.Create(), null);
        Assert.Equal(42, answer);
    }

    [Fact]
    public void ImageCompiledInMemory_LoadsAsASourcePlugin()
    {
        var source = _plugins.Scratch("Inline");
        var image = TestPluginCompiler.Compile("Inline", TestPluginCompiler.Strategy("test-inline"));

        var loaded = _loader.LoadImage("Inline", source, image, symbols: null);

        Assert.Equal(PluginSourceKind.Source, loaded.SourceKind);
        Assert.Equal(source, loaded.SourcePath);
        Assert.Equal("Inline#1", loaded.ContextName);
        Assert.Equal(["test-inline"], loaded.PluginIds);
        Assert.Equal("test-inline", Assert.Single(loaded.Plugins).Create().Metadata.Id);
        Assert.Empty(loaded.Plugins[0].PluginType.Assembly.Location);
    }

    /// <summary>Compiles Gadgets.dll (class Gadget, Answer() = 42) into <paramref name="folder"/>.</summary>
    internal static string GadgetsLibrary(string folder)
    {
        var path = Path.Combine(folder, "Gadgets.dll");
        File.WriteAllBytes(path, TestPluginCompiler.Compile("Gadgets", "public static class Gadget { public static int Answer() => 42; }"));
        return path;
    }

    private static Assembly NewtonsoftOf(PluginDescriptor plugin) =>
        Assert.Single(AssemblyLoadContext.GetLoadContext(plugin.PluginType.Assembly)!.Assemblies, assembly => assembly.GetName().Name == "Newtonsoft.Json");
}
