using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>
/// The detection every rule shares: each call, property read, method group and construction in
/// plugin code is looked up, by symbol, in the rule's catalog. A use whose receiver is itself a
/// flagged use (<c>Stopwatch.StartNew().Elapsed</c>) is reported once, at the receiver.
/// </summary>
internal sealed class ApiUseAnalysis
{
    private readonly DiagnosticDescriptor _rule;
    private readonly PluginScope _requiredScope;
    private readonly PluginScopeResolver _scope;
    private readonly ApiCatalog _catalog;
    private readonly Func<IOperation, bool> _reportedElsewhere;

    private ApiUseAnalysis(
        DiagnosticDescriptor rule,
        PluginScope requiredScope,
        PluginScopeResolver scope,
        ApiCatalog catalog,
        Func<IOperation, bool> reportedElsewhere)
    {
        _rule = rule;
        _requiredScope = requiredScope;
        _scope = scope;
        _catalog = catalog;
        _reportedElsewhere = reportedElsewhere;
    }

    /// <summary>
    /// Registers the rule for this compilation, unless the catalog is empty.
    /// <paramref name="reportedElsewhere"/> names uses another part of the rule already reports.
    /// </summary>
    public static void Register(
        CompilationStartAnalysisContext context,
        DiagnosticDescriptor rule,
        PluginScope requiredScope,
        PluginScopeResolver scope,
        ApiCatalog catalog,
        Func<IOperation, bool>? reportedElsewhere = null)
    {
        if (catalog.IsEmpty)
        {
            return;
        }

        var analysis = new ApiUseAnalysis(rule, requiredScope, scope, catalog, reportedElsewhere ?? (_ => false));
        context.RegisterOperationAction(
            analysis.Analyze,
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.MethodReference,
            OperationKind.ObjectCreation);
    }

    private void Analyze(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        var used = UsedMember.Of(operation);
        if (used.Member is null || _catalog.Find(used.Member) is not { } entry)
        {
            return;
        }

        if (IsFlaggedReceiver(used.UnwrappedReceiver)
            || !_scope.Covers(context.ContainingSymbol, _requiredScope)
            || _reportedElsewhere(operation))
        {
            return;
        }

        var properties = entry.ContextReplacement is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(FixProperties.ContextReplacement, entry.ContextReplacement);
        context.ReportDiagnostic(Diagnostic.Create(
            _rule,
            operation.Syntax.GetLocation(),
            properties,
            ApiDisplay.Describe(operation, used, entry),
            entry.Reason));
    }

    private bool IsFlaggedReceiver(IOperation? receiver)
    {
        if (receiver is null)
        {
            return false;
        }

        var used = UsedMember.Of(receiver);
        return used.Member is not null && _catalog.Find(used.Member) is not null;
    }
}
