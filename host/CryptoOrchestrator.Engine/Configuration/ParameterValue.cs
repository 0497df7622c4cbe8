using System.Globalization;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Configuration;

/// <summary>
/// One parameter's parsed value, stored unboxed in the field of its type so reading it
/// allocates nothing.
/// </summary>
internal readonly struct ParameterValue
{
    private ParameterValue(ParameterType type, int integer, decimal number, double real, bool flag, string? text)
    {
        Type = type;
        Integer = integer;
        Decimal = number;
        Double = real;
        Boolean = flag;
        Text = text;
    }

    public ParameterType Type { get; }

    public int Integer { get; }

    public decimal Decimal { get; }

    public double Double { get; }

    public bool Boolean { get; }

    public string? Text { get; }

    /// <summary>Unboxes a value produced by <see cref="ParameterDefinition.Parse"/> or a declared default.</summary>
    public static ParameterValue From(ParameterType type, object value) => type switch
    {
        ParameterType.Integer => new(type, (int)value, 0m, 0d, false, null),
        ParameterType.Decimal => new(type, 0, (decimal)value, 0d, false, null),
        ParameterType.Double => new(type, 0, 0m, (double)value, false, null),
        ParameterType.Boolean => new(type, 0, 0m, 0d, (bool)value, null),
        ParameterType.Text => new(type, 0, 0m, 0d, false, (string)value),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown parameter type."),
    };

    /// <summary>Invariant text that <see cref="ParameterDefinition.Parse"/> turns back into the same value.</summary>
    public string ToInvariantString() => Type switch
    {
        ParameterType.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        ParameterType.Decimal => Decimal.ToString(CultureInfo.InvariantCulture),
        ParameterType.Double => Double.ToString("R", CultureInfo.InvariantCulture),
        ParameterType.Boolean => Boolean ? "true" : "false",
        _ => Text!,
    };
}
