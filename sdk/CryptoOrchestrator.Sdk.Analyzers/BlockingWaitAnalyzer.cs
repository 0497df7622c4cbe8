using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>CO1003: plugin code blocks the thread the host calls it on.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingWaitAnalyzer : PluginApiAnalyzer
{
    /// <summary>Creates the analyzer; the compiler and the IDE do this.</summary>
    public BlockingWaitAnalyzer()
        : base(Rules.BlockingWait, PluginScope.Plugin, BlockingWaitApis.Create)
    {
    }
}
