using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>
/// Decides whether code belongs to a plugin: it does when its type, or a type it is nested in,
/// implements IPlugin, unless one of them is an exchange adapter. Lambdas and local functions
/// belong to the type that declares them. Results are cached per type for the compilation.
/// </summary>
internal sealed class PluginScopeResolver
{
    private readonly INamedTypeSymbol _plugin;
    private readonly INamedTypeSymbol? _strategy;
    private readonly INamedTypeSymbol? _exchange;
    private readonly ConcurrentDictionary<INamedTypeSymbol, PluginScope> _scopes = new(SymbolEqualityComparer.Default);

    private PluginScopeResolver(INamedTypeSymbol plugin, INamedTypeSymbol? strategy, INamedTypeSymbol? exchange)
    {
        _plugin = plugin;
        _strategy = strategy;
        _exchange = exchange;
    }

    /// <summary>Null when the compilation does not reference the SDK: then no rule applies.</summary>
    public static PluginScopeResolver? TryCreate(Compilation compilation)
    {
        var plugin = compilation.GetTypeByMetadataName(SdkTypeNames.Plugin);
        return plugin is null
            ? null
            : new PluginScopeResolver(
                plugin,
                compilation.GetTypeByMetadataName(SdkTypeNames.Strategy),
                compilation.GetTypeByMetadataName(SdkTypeNames.Exchange));
    }

    /// <summary>True when code owned by <paramref name="owner"/> falls under a rule that needs <paramref name="required"/>.</summary>
    public bool Covers(ISymbol? owner, PluginScope required) => ScopeOf(owner) >= required;

    public PluginScope ScopeOf(ISymbol? owner)
    {
        var type = owner as INamedTypeSymbol ?? owner?.ContainingType;
        return type is null ? PluginScope.None : _scopes.GetOrAdd(type.OriginalDefinition, Compute);
    }

    private PluginScope Compute(INamedTypeSymbol type)
    {
        var scope = PluginScope.None;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (Implements(current, _exchange))
            {
                return PluginScope.None;
            }

            if (Implements(current, _strategy))
            {
                scope = PluginScope.Strategy;
            }
            else if (scope == PluginScope.None && Implements(current, _plugin))
            {
                scope = PluginScope.Plugin;
            }
        }

        return scope;
    }

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? contract)
    {
        if (contract is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, contract))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, contract))
            {
                return true;
            }
        }

        return false;
    }
}
