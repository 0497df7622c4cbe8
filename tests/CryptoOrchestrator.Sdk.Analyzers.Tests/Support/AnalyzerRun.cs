using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

/// <summary>
/// Runs every SDK analyzer over a compilation. Any analyzer exception (AD0001) fails the test, and so
/// does a compiler error in a snippet meant to compile.
/// </summary>
public static class AnalyzerRun
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } =
    [
        new WallClockAnalyzer(),
        new RandomnessAnalyzer(),
        new BlockingWaitAnalyzer(),
        new StrategyIoAnalyzer(),
    ];

    /// <summary>Findings for one valid file as "CO1001 DateTime.UtcNow" lines, in source order.</summary>
    public static IReadOnlyList<string> Report(string source) => Analyze(source).Select(finding => finding.ToString()).ToList();

    /// <summary>Findings for one valid file.</summary>
    public static IReadOnlyList<Finding> Analyze(string source) => Analyze([new TestSource("Plugin.cs", source)]);

    /// <summary>Findings for valid files; fails the test if they do not compile.</summary>
    public static IReadOnlyList<Finding> Analyze(IEnumerable<TestSource> sources, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var compilation = TestCompilation.Create(sources, outputKind);
        Assert.Empty(TestCompilation.Errors(compilation));
        return Findings(compilation);
    }

    /// <summary>Findings for any compilation, valid or not; fails the test on an analyzer exception.</summary>
    public static IReadOnlyList<Finding> Findings(Compilation compilation) =>
        Diagnostics(compilation).Select(ToFinding).ToList();

    public static ImmutableArray<Diagnostic> Diagnostics(Compilation compilation)
    {
        var failures = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = compilation
            .WithAnalyzers(All, options)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        Assert.Empty(failures);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
        return diagnostics
            .OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    private static Finding ToFinding(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree!;
        return new Finding(
            diagnostic.Id,
            Path.GetFileName(tree.FilePath),
            tree.GetText().ToString(diagnostic.Location.SourceSpan),
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
