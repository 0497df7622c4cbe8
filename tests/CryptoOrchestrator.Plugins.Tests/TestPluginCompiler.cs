using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CryptoOrchestrator.Plugins.Tests;

/// <summary>Compiles small plugins (and libraries they use) in the test, for cases that differ by a line or two.</summary>
internal static class TestPluginCompiler
{
    private static readonly Lazy<MetadataReference[]> FrameworkAndSdk = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(IPlugin).Assembly.Location),
    ]);

    /// <summary>
    /// Source of a strategy <c>Plugin</c> counting its instances in a static field and reporting the count
    /// (<c>instances=N</c>) in its description; <paramref name="constructor"/> and <paramref name="members"/> are spliced in.
    /// </summary>
    public static string Strategy(string id, string version = "1.0.0", string sdkRange = "[0.2.0, 1.0.0)", string constructor = "", string members = "") => $$"""
        using System.Threading;
        using CryptoOrchestrator.Sdk.Context;
        using CryptoOrchestrator.Sdk.Domain;
        using CryptoOrchestrator.Sdk.Plugins;

        public sealed class Plugin : IStrategy
        {
            private static int s_instances;

            public Plugin()
            {
                Interlocked.Increment(ref s_instances);
                {{constructor}}
            }

            public PluginMetadata Metadata => new()
            {
                Id = "{{id}}",
                Version = "{{version}}",
                Kind = PluginKind.Strategy,
                SdkVersionRange = "{{sdkRange}}",
                Description = "instances=" + Volatile.Read(ref s_instances),
            };

            public void Initialize(IStrategyContext context)
            {
            }

            public void OnBar(Instrument instrument, in Bar bar)
            {
            }

            {{members}}
        }
        """;

    /// <summary>The image of assembly <paramref name="assemblyName"/> compiled from <paramref name="source"/>; fails the test on a compile error.</summary>
    public static byte[] Compile(string assemblyName, string source, params string[] referencePaths)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            [.. FrameworkAndSdk.Value, .. referencePaths.Select(path => MetadataReference.CreateFromFile(path))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return image.ToArray();
    }

    /// <summary>Compiles <paramref name="source"/> into <c>&lt;parent&gt;/&lt;name&gt;/&lt;name&gt;.dll</c>, a plugin folder; returns the folder.</summary>
    public static string WriteFolder(string parent, string name, string source, params string[] referencePaths)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, name)).FullName;
        File.WriteAllBytes(Path.Combine(folder, name + ".dll"), Compile(name, source, referencePaths));
        return folder;
    }
}
