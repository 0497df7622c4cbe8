using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>Names a flagged API the way its user wrote it: <c>DateTime.UtcNow</c>, <c>new Random()</c>, <c>Task&lt;int&gt;.Result</c>.</summary>
internal static class ApiDisplay
{
    public static string Describe(IOperation operation, UsedMember used, ApiEntry entry)
    {
        if (entry.Display is not null)
        {
            return entry.Display;
        }

        if (operation is IObjectCreationOperation creation)
        {
            var created = creation.Type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?";
            return creation.Arguments.Length == 0 ? $"new {created}()" : $"new {created}(...)";
        }

        var member = used.Member!;
        var owner = used.Receiver?.Type ?? member.ContainingType;
        return $"{owner.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}.{member.Name}";
    }
}
