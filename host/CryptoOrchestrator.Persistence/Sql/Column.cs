using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>Reads columns whose stored form differs from their .NET type.</summary>
internal static class Column
{
    // Enums are stored by name so the tables read plainly; a name this build does not know is corrupt data, not a default.
    public static T Enum<T>(DbDataReader reader, int ordinal)
        where T : struct, System.Enum
    {
        var text = reader.GetString(ordinal);
        return System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"Column '{reader.GetName(ordinal)}' holds '{text}', which is not a {typeof(T).Name}.");
    }

    public static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static byte[] Bytes(DbDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);
}
