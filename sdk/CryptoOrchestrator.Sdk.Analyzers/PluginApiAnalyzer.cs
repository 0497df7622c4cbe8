using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>
/// The shape of every SDK rule: in a compilation that references the SDK, report uses of the APIs in
/// the rule's catalog made from plugin code of the required kind.
/// </summary>
public abstract class PluginApiAnalyzer : DiagnosticAnalyzer
{
    private readonly PluginScope _requiredScope;
    private readonly Func<Compilation, ApiCatalog> _createCatalog;

    private protected PluginApiAnalyzer(DiagnosticDescriptor rule, PluginScope requiredScope, Func<Compilation, ApiCatalog> createCatalog)
    {
        Rule = rule;
        _requiredScope = requiredScope;
        _createCatalog = createCatalog;
        SupportedDiagnostics = ImmutableArray.Create(rule);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    private protected DiagnosticDescriptor Rule { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (PluginScopeResolver.TryCreate(start.Compilation) is { } scope)
            {
                OnPluginCompilation(start, scope);
            }
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references the SDK.</summary>
    private protected virtual void OnPluginCompilation(CompilationStartAnalysisContext start, PluginScopeResolver scope) =>
        RegisterApiUses(start, scope);

    /// <summary>Registers the catalog lookup; <paramref name="reportedElsewhere"/> names uses another action of the rule reports.</summary>
    private protected void RegisterApiUses(
        CompilationStartAnalysisContext start,
        PluginScopeResolver scope,
        Func<IOperation, bool>? reportedElsewhere = null) =>
        ApiUseAnalysis.Register(start, Rule, _requiredScope, scope, _createCatalog(start.Compilation), reportedElsewhere);
}
