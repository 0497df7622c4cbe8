using Microsoft.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>
/// The APIs one rule flags, as symbols resolved from the compilation: single members (with all their
/// overloads), chosen constructors, and whole type families (every member and constructor of a type
/// or of any type derived from it). A type the compilation lacks simply adds nothing.
/// </summary>
internal sealed class ApiCatalog
{
    private readonly Dictionary<ISymbol, ApiEntry> _members = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, ApiEntry> _families = new(SymbolEqualityComparer.Default);

    public bool IsEmpty => _members.Count == 0 && _families.Count == 0;

    /// <summary>Flags the methods and properties of <paramref name="type"/> with these names, every overload.</summary>
    public ApiCatalog AddMembers(INamedTypeSymbol? type, ApiEntry entry, params string[] names)
    {
        if (type is null)
        {
            return this;
        }

        foreach (var name in names)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IMethodSymbol or IPropertySymbol)
                {
                    _members[member.OriginalDefinition] = entry;
                }
            }
        }

        return this;
    }

    /// <summary>Flags the constructors of <paramref name="type"/> that <paramref name="select"/> picks.</summary>
    public ApiCatalog AddConstructors(INamedTypeSymbol? type, Func<IMethodSymbol, bool> select, ApiEntry entry)
    {
        if (type is null)
        {
            return this;
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (select(constructor))
            {
                _members[constructor.OriginalDefinition] = entry;
            }
        }

        return this;
    }

    /// <summary>Flags every member and constructor of <paramref name="type"/> and of the types derived from it.</summary>
    public ApiCatalog AddFamily(INamedTypeSymbol? type, ApiEntry entry)
    {
        if (type is not null)
        {
            _families[type.OriginalDefinition] = entry;
        }

        return this;
    }

    /// <summary>The entry for a used member (a method, property or constructor), or null when the rule does not flag it.</summary>
    public ApiEntry? Find(ISymbol member)
    {
        if (_members.TryGetValue(member.OriginalDefinition, out var entry))
        {
            return entry;
        }

        if (_families.Count == 0)
        {
            return null;
        }

        for (var type = member.ContainingType; type is not null; type = type.BaseType)
        {
            if (_families.TryGetValue(type.OriginalDefinition, out entry))
            {
                return entry;
            }
        }

        return null;
    }
}
