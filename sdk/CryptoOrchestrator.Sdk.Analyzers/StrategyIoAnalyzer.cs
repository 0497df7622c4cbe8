using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>CO1004: a strategy reaches the network or the file system itself.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StrategyIoAnalyzer : PluginApiAnalyzer
{
    /// <summary>Creates the analyzer; the compiler and the IDE do this.</summary>
    public StrategyIoAnalyzer()
        : base(Rules.StrategyIo, PluginScope.Strategy, StrategyIoApis.Create)
    {
    }
}
