using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

/// <summary>
/// Compiles snippets as a plugin author's project would be: the running .NET's framework assemblies,
/// the SDK, and the usual global usings.
/// </summary>
public static class TestCompilation
{
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Diagnostics;
        global using System.IO;
        global using System.Linq;
        global using System.Net;
        global using System.Net.Http;
        global using System.Net.Sockets;
        global using System.Security.Cryptography;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public const string SdkGlobalUsings = """
        global using CryptoOrchestrator.Sdk.Context;
        global using CryptoOrchestrator.Sdk.Domain;
        global using CryptoOrchestrator.Sdk.Plugins;
        """;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);

    /// <summary>The framework assemblies alone: a project that does not reference the SDK.</summary>
    public static ImmutableArray<MetadataReference> FrameworkReferences => Framework.Value;

    /// <summary>The framework assemblies plus the SDK and what its public surface needs.</summary>
    public static ImmutableArray<MetadataReference> PluginReferences { get; } = FrameworkReferences
        .Add(MetadataReference.CreateFromFile(typeof(IPlugin).Assembly.Location))
        .Add(MetadataReference.CreateFromFile(typeof(ILogger).Assembly.Location));

    public static CSharpCompilation Create(
        IEnumerable<TestSource> sources,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        bool referenceSdk = true)
    {
        var trees = sources
            .Append(new TestSource("GlobalUsings.cs", referenceSdk ? GlobalUsings + "\n" + SdkGlobalUsings : GlobalUsings))
            .Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path));
        return CSharpCompilation.Create(
            "SnippetPlugin",
            trees,
            referenceSdk ? PluginReferences : FrameworkReferences,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Compiler errors, for asserting that a snippet meant to be valid is.</summary>
    public static IReadOnlyList<string> Errors(Compilation compilation) => compilation
        .GetDiagnostics()
        .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
        .Select(diagnostic => diagnostic.ToString())
        .ToList();

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(directory, "*.dll")
            .Where(HasMetadata)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static bool HasMetadata(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.HasMetadata;
    }
}
