using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CryptoOrchestrator.Sdk.Analyzers.CodeFixes;

/// <summary>
/// Finds how code at a given spot can reach the plugin's context: a parameter in scope (such as
/// <c>Initialize(IStrategyContext context)</c>), else a field or property of the enclosing type or
/// its bases. Only what that spot may legally use counts: no instance member from static code,
/// field initializers or constructor initializers, nothing outside a static lambda or local
/// function, and no member declared nullable (using it would need a null check a fix cannot invent).
/// </summary>
internal sealed class ContextAccessFinder
{
    private readonly SemanticModel _model;
    private readonly INamedTypeSymbol _pluginContext;
    private readonly int _position;

    private ContextAccessFinder(SemanticModel model, INamedTypeSymbol pluginContext, int position)
    {
        _model = model;
        _pluginContext = pluginContext;
        _position = position;
    }

    /// <summary>The expression text that reaches the context from <paramref name="site"/>, or null when there is none.</summary>
    public static string? Find(SemanticModel model, ExpressionSyntax site, CancellationToken cancellation)
    {
        var pluginContext = model.Compilation.GetTypeByMetadataName(SdkTypeNames.PluginContext);
        return pluginContext is null ? null : new ContextAccessFinder(model, pluginContext, site.SpanStart).Find(site, cancellation);
    }

    private string? Find(ExpressionSyntax site, CancellationToken cancellation)
    {
        var outerScopeReachable = true;
        for (var symbol = _model.GetEnclosingSymbol(_position, cancellation); symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (symbol is not IMethodSymbol method)
            {
                // A field or property initializer: only static members are in reach.
                return FromMembers(symbol.ContainingType, instanceReachable: false);
            }

            if (outerScopeReachable && FromParameters(method) is { } parameter)
            {
                return parameter;
            }

            if (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction)
            {
                outerScopeReachable &= !method.IsStatic;
                continue;
            }

            var instanceReachable = outerScopeReachable && !method.IsStatic && !InInitializer(site);
            return FromMembers(method.ContainingType, instanceReachable);
        }

        return null;
    }

    private string? FromParameters(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsContext(parameter.Type, parameter.NullableAnnotation) && NamesUniquely(parameter))
            {
                return Identifier(parameter.Name);
            }
        }

        return null;
    }

    private string? FromMembers(INamedTypeSymbol? type, bool instanceReachable)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsImplicitlyDeclared
                    || (!member.IsStatic && !instanceReachable)
                    || !HoldsContext(member)
                    || !_model.IsAccessible(_position, member))
                {
                    continue;
                }

                if (NamesUniquely(member))
                {
                    return Identifier(member.Name);
                }

                var qualifier = member.IsStatic ? member.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) : "this";
                return $"{qualifier}.{Identifier(member.Name)}";
            }
        }

        return null;
    }

    private bool HoldsContext(ISymbol member) => member switch
    {
        IFieldSymbol field => IsContext(field.Type, field.NullableAnnotation),
        IPropertySymbol { IsIndexer: false, GetMethod: not null } property => IsContext(property.Type, property.NullableAnnotation),
        _ => false,
    };

    private bool IsContext(ITypeSymbol type, NullableAnnotation annotation)
    {
        if (annotation == NullableAnnotation.Annotated || type is not INamedTypeSymbol named)
        {
            return false;
        }

        return SymbolEqualityComparer.Default.Equals(named, _pluginContext)
            || named.AllInterfaces.Any(implemented => SymbolEqualityComparer.Default.Equals(implemented, _pluginContext));
    }

    /// <summary>True when the bare name, written at the fix site, binds to <paramref name="symbol"/> and nothing else.</summary>
    private bool NamesUniquely(ISymbol symbol)
    {
        var found = _model.LookupSymbols(_position, name: symbol.Name);
        return found.Length == 1 && SymbolEqualityComparer.Default.Equals(found[0].OriginalDefinition, symbol.OriginalDefinition);
    }

    /// <summary>Constructor initializers and member initializers run before <c>this</c> may be used.</summary>
    private static bool InInitializer(SyntaxNode site) =>
        site.Ancestors().Any(node => node is ConstructorInitializerSyntax or EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax or VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } });

    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
