using System.Reflection;
using System.Runtime.Versioning;
using CryptoOrchestrator.Sdk.Analyzers.CodeFixes;
using CryptoOrchestrator.Sdk.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Analyzers.Tests;

/// <summary>
/// What lets the analyzers load in a plugin author's compiler: .NET Standard 2.0, a Roslyn no newer than
/// 4.14 (newer makes older compilers refuse them with CS8032), and no Workspaces in the analyzer assembly,
/// which the command-line compiler does not provide.
/// </summary>
public sealed class ShippingTests
{
    private static readonly Version OldestSupportedRoslyn = new(4, 14, 0, 0);

    [Theory]
    [InlineData(typeof(WallClockAnalyzer))]
    [InlineData(typeof(UseContextCodeFixProvider))]
    public void Assembly_TargetsNetStandard20_AndRoslynNoNewerThan414(Type shipped)
    {
        var assembly = shipped.Assembly;

        Assert.Equal(".NETStandard,Version=v2.0", assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
        var roslyn = assembly.GetReferencedAssemblies().Where(reference => reference.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, reference => Assert.True(reference.Version <= OldestSupportedRoslyn, $"{reference.Name} {reference.Version}"));
    }

    [Fact]
    public void AnalyzerAssembly_ReferencesOnlyTheCompiler()
    {
        string[] compiler = ["Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp"];

        var roslyn = typeof(WallClockAnalyzer).Assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToList();

        Assert.Contains("Microsoft.CodeAnalysis", roslyn);
        Assert.All(roslyn, name => Assert.Contains(name, compiler));
    }

    [Fact]
    public void EveryRule_IsAnEnabledWarning_WithItsIdTitleAndDescription()
    {
        var rules = AnalyzerRun.All.SelectMany(analyzer => analyzer.SupportedDiagnostics).OrderBy(rule => rule.Id, StringComparer.Ordinal).ToList();

        Assert.Equal(["CO1001", "CO1002", "CO1003", "CO1004"], rules.Select(rule => rule.Id));
        Assert.All(rules, rule =>
        {
            Assert.Equal(DiagnosticSeverity.Warning, rule.DefaultSeverity);
            Assert.True(rule.IsEnabledByDefault);
            Assert.NotEmpty(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.EndsWith(".", rule.Description.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        });
    }
}
