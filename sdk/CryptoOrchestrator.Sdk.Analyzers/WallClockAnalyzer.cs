using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>CO1001: plugin code reads the wall clock instead of the context's clock.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WallClockAnalyzer : PluginApiAnalyzer
{
    /// <summary>Creates the analyzer; the compiler and the IDE do this.</summary>
    public WallClockAnalyzer()
        : base(Rules.WallClock, PluginScope.Plugin, WallClockApis.Create)
    {
    }
}
