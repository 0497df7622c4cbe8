using System.Reflection;
using System.Text;

namespace CryptoOrchestrator.Sdk.Tests.PublicApi;

/// <summary>
/// Writes an assembly's public surface as sorted text, one member a line, so that a change to
/// what plugin authors compile against shows up as a diff of a checked-in file.
/// </summary>
internal static class PublicApiDescriber
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {type.FullName}{Bases(type)}");
            lines.AddRange(type.GetMembers(Declared)
                .Where(m => m is not MethodInfo { IsSpecialName: true } || m.Name.StartsWith("op_", StringComparison.Ordinal))
                .Select(m => $"  {m.MemberType} {m}")
                .Order(StringComparer.Ordinal));
        }

        return new StringBuilder().AppendJoin('\n', lines).Append('\n').ToString();
    }

    private static string Kind(Type type) => type switch
    {
        { IsInterface: true } => "interface",
        { IsEnum: true } => "enum",
        { IsValueType: true } => "struct",
        { IsAbstract: true, IsSealed: true } => "static class",
        _ => type.IsSealed ? "sealed class" : "class",
    };

    private static string Bases(Type type)
    {
        var bases = type.GetInterfaces().Select(i => i.ToString()).Order(StringComparer.Ordinal).ToList();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Insert(0, baseType.ToString());
        }

        return bases.Count == 0 ? "" : " : " + string.Join(", ", bases);
    }
}
