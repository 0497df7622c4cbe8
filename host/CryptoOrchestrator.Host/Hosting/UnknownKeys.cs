using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>
/// Finds configuration keys that match no setting of the type they bind to (a misspelt <c>Strategys</c>),
/// which the binder would otherwise ignore in silence; each is named by its full key with the settings it could be.
/// </summary>
internal static class UnknownKeys
{
    public static IEnumerable<string> In(IConfigurationSection section, Type type)
    {
        if (IsScalar(type))
        {
            if (section.GetChildren().Any())
            {
                yield return $"{section.Path}: is a single value, not a section";
            }

            yield break;
        }

        var dictionaryValue = ValueTypeOf(type, typeof(IReadOnlyDictionary<,>)) ?? ValueTypeOf(type, typeof(IDictionary<,>));
        var element = dictionaryValue is null ? ElementTypeOf(type) : null;
        foreach (var child in section.GetChildren())
        {
            var childType = dictionaryValue ?? element ?? Setting(type, child.Key)?.PropertyType;
            if (element is not null && !int.TryParse(child.Key, out _))
            {
                yield return $"{child.Path}: is not an index; {section.Path} is a list";
            }
            else if (childType is null)
            {
                yield return $"{child.Path}: there is no such setting (known: {string.Join(", ", Settings(type).Select(p => p.Name))})";
            }
            else
            {
                foreach (var problem in In(child, childType))
                {
                    yield return problem;
                }
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsPrimitive || plain.IsEnum || plain == typeof(string) || plain == typeof(decimal) || plain == typeof(TimeSpan);
    }

    private static IEnumerable<PropertyInfo> Settings(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    private static PropertyInfo? Setting(Type type, string key) =>
        Settings(type).FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));

    private static Type? ValueTypeOf(Type type, Type dictionary) =>
        GenericOf(type, dictionary) is { } found ? found.GetGenericArguments()[1] : null;

    private static Type? ElementTypeOf(Type type) =>
        type.IsArray ? type.GetElementType() : GenericOf(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? GenericOf(Type type, Type definition) =>
        (type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces())
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
}
