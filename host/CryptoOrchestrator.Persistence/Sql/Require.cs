namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>Checks records before they reach the database, so bad input fails with the field's name, not a SQL error.</summary>
internal static class Require
{
    public static string Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{field} is empty.", field) : value;

    public static T Defined<T>(T value, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentException($"{field} is {value}, which is not a {typeof(T).Name}.", field);

    public static decimal Positive(decimal value, string field) =>
        value > 0 ? value : throw new ArgumentException($"{field} is {value}; it must be positive.", field);

    public static decimal NotNegative(decimal value, string field) =>
        value >= 0 ? value : throw new ArgumentException($"{field} is {value}; it must not be negative.", field);

    public static long PositiveSequence(long value, string field) =>
        value > 0 ? value : throw new ArgumentException($"{field} is {value}; sequences start at 1.", field);

    public static int Limit(int value, string field) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(field, value, $"{field} must be positive.");

    public static T NotNull<T>(T? value, string field)
        where T : class =>
        value ?? throw new ArgumentNullException(field);
}
