using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CryptoOrchestrator.Plugins.Source;

/// <summary>
/// What a source plugin may take for granted, as in an SDK-style class library: implicit global usings,
/// nullable enabled, the latest language version, the usual <c>NET*</c> symbols, a Release build.
/// </summary>
internal static class SdkProjectConventions
{
    public const string GlobalUsingsFile = "GlobalUsings.g.cs";

    public static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.Latest,
        DocumentationMode.Parse,
        SourceCodeKind.Regular,
        PreprocessorSymbols());

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true,
        concurrentBuild: true);

    public static SyntaxTree GlobalUsings() => CSharpSyntaxTree.ParseText(
        SourceText.From(
            """
            global using global::System;
            global using global::System.Collections.Generic;
            global using global::System.IO;
            global using global::System.Linq;
            global using global::System.Threading;
            global using global::System.Threading.Tasks;
            """,
            System.Text.Encoding.UTF8),
        ParseOptions,
        GlobalUsingsFile);

    // RELEASE, TRACE, NET, NETCOREAPP, NET10_0, NET5_0_OR_GREATER … NET10_0_OR_GREATER for the runtime in use.
    private static string[] PreprocessorSymbols()
    {
        var major = Environment.Version.Major;
        var symbols = new List<string> { "RELEASE", "TRACE", "NET", "NETCOREAPP", $"NET{major}_0" };
        for (var version = 5; version <= major; version++)
        {
            symbols.Add($"NET{version}_0_OR_GREATER");
        }

        return [.. symbols];
    }
}
