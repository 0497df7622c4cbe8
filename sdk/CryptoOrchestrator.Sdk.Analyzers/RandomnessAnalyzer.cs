using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>
/// CO1002: plugin code draws randomness that a run's seed does not control, or shares one Random
/// between instances through a static member.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RandomnessAnalyzer : PluginApiAnalyzer
{
    private const string SharedStaticReason = "is a static Random, shared by every instance of the plugin and every run in the process";

    /// <summary>Creates the analyzer; the compiler and the IDE do this.</summary>
    public RandomnessAnalyzer()
        : base(Rules.Randomness, PluginScope.Plugin, RandomnessApis.Create)
    {
    }

    private protected override void OnPluginCompilation(CompilationStartAnalysisContext start, PluginScopeResolver scope)
    {
        if (start.Compilation.GetTypeByMetadataName("System.Random") is not { } random)
        {
            RegisterApiUses(start, scope);
            return;
        }

        RegisterApiUses(start, scope, reportedElsewhere: operation => InitializesStaticRandom(operation, random));
        start.RegisterSymbolAction(symbol => AnalyzeMember(symbol, scope, random), SymbolKind.Field, SymbolKind.Property);
    }

    private static void AnalyzeMember(SymbolAnalysisContext context, PluginScopeResolver scope, INamedTypeSymbol random)
    {
        var member = context.Symbol;
        if (member.IsImplicitlyDeclared || !IsStaticRandom(member, random) || !scope.Covers(member, PluginScope.Plugin))
        {
            return;
        }

        var name = $"{member.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}.{member.Name}";
        context.ReportDiagnostic(Diagnostic.Create(Rules.Randomness, member.Locations.FirstOrDefault(), name, SharedStaticReason));
    }

    /// <summary>A static field, or static auto-property, holding a Random: one generator for every instance.</summary>
    private static bool IsStaticRandom(ISymbol member, INamedTypeSymbol random) => member switch
    {
        IFieldSymbol { IsStatic: true, IsConst: false } field => IsRandom(field.Type, random),
        IPropertySymbol { IsStatic: true } property => IsRandom(property.Type, random) && HasBackingField(property),
        _ => false,
    };

    private static bool IsRandom(ITypeSymbol type, INamedTypeSymbol random)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, random))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasBackingField(IPropertySymbol property) =>
        property.ContainingType.GetMembers().Any(
            member => member is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property));

    /// <summary>
    /// The initializer of a static Random member is covered by the diagnostic on the member itself,
    /// so <c>static Random R = new Random();</c> is reported once.
    /// </summary>
    private static bool InitializesStaticRandom(IOperation operation, INamedTypeSymbol random)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IFieldInitializerOperation fields => fields.InitializedFields.All(field => IsStaticRandom(field, random)),
            IPropertyInitializerOperation properties => properties.InitializedProperties.All(property => IsStaticRandom(property, random)),
            _ => false,
        };
    }
}
