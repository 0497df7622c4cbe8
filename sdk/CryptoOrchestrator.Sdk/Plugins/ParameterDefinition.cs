using System.Globalization;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>
/// A parameter a plugin declares: the host validates supplied values against it, and
/// <see cref="Minimum"/>..<see cref="Maximum"/> by <see cref="Step"/> is the grid a parameter sweep explores.
/// Create one with <see cref="Integer"/>, <see cref="Decimal"/>, <see cref="Double"/>, <see cref="Boolean"/> or <see cref="Text"/>.
/// </summary>
public sealed record ParameterDefinition
{
    private ParameterDefinition(string name, ParameterType type, object defaultValue, decimal? minimum, decimal? maximum, decimal? step, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (minimum > maximum)
        {
            throw new ArgumentException($"Parameter '{name}': minimum {minimum} is above maximum {maximum}.");
        }

        if (step <= 0)
        {
            throw new ArgumentException($"Parameter '{name}': step must be positive.");
        }

        Name = name;
        Type = type;
        DefaultValue = defaultValue;
        Minimum = minimum;
        Maximum = maximum;
        Step = step;
        Description = description;
        if (Validate(defaultValue) is { } problem)
        {
            throw new ArgumentException($"Parameter '{name}': default {problem}.");
        }
    }

    /// <summary>Name as used in <c>--param name=value</c>.</summary>
    public string Name { get; }

    /// <summary>The value's type.</summary>
    public ParameterType Type { get; }

    /// <summary>The value used when none is supplied; of the CLR type matching <see cref="Type"/>.</summary>
    public object DefaultValue { get; }

    /// <summary>Smallest allowed value for numeric parameters.</summary>
    public decimal? Minimum { get; }

    /// <summary>Largest allowed value for numeric parameters.</summary>
    public decimal? Maximum { get; }

    /// <summary>Increment a parameter sweep uses between <see cref="Minimum"/> and <see cref="Maximum"/>.</summary>
    public decimal? Step { get; }

    /// <summary>What the parameter does, for people.</summary>
    public string Description { get; }

    /// <summary>An integer parameter.</summary>
    public static ParameterDefinition Integer(string name, int defaultValue, int? minimum = null, int? maximum = null, int? step = null, string description = "") =>
        new(name, ParameterType.Integer, defaultValue, minimum, maximum, step, description);

    /// <summary>An exact decimal parameter.</summary>
    public static ParameterDefinition Decimal(string name, decimal defaultValue, decimal? minimum = null, decimal? maximum = null, decimal? step = null, string description = "") =>
        new(name, ParameterType.Decimal, defaultValue, minimum, maximum, step, description);

    /// <summary>A floating-point parameter.</summary>
    public static ParameterDefinition Double(string name, double defaultValue, double? minimum = null, double? maximum = null, double? step = null, string description = "") =>
        new(name, ParameterType.Double, defaultValue, (decimal?)minimum, (decimal?)maximum, (decimal?)step, description);

    /// <summary>A true/false parameter.</summary>
    public static ParameterDefinition Boolean(string name, bool defaultValue, string description = "") =>
        new(name, ParameterType.Boolean, defaultValue, null, null, null, description);

    /// <summary>A text parameter.</summary>
    public static ParameterDefinition Text(string name, string defaultValue, string description = "") =>
        new(name, ParameterType.Text, defaultValue, null, null, null, description);

    /// <summary>
    /// Parses invariant text into this parameter's CLR type, checking the range.
    /// Throws <see cref="FormatException"/> with a message naming the parameter.
    /// </summary>
    public object Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        object? value = Type switch
        {
            ParameterType.Integer => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            // Float, not Number: Number allows thousands separators, which would read "0,5" as 5.
            ParameterType.Decimal => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : null,
            ParameterType.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
            ParameterType.Boolean => bool.TryParse(text, out var b) ? b : null,
            _ => text,
        };
        if (value is null)
        {
            throw new FormatException($"Parameter '{Name}': '{text}' is not a valid {Type.ToString().ToLowerInvariant()}.");
        }

        if (Validate(value) is { } problem)
        {
            throw new FormatException($"Parameter '{Name}': {problem}.");
        }

        return value;
    }

    private string? Validate(object value)
    {
        decimal? numeric = value switch
        {
            int i when Type == ParameterType.Integer => i,
            decimal m when Type == ParameterType.Decimal => m,
            // A double can lie beyond decimal's range; saturating keeps the comparison with any bound right.
            double d when Type == ParameterType.Double => d >= (double)decimal.MaxValue ? decimal.MaxValue : d <= (double)decimal.MinValue ? decimal.MinValue : (decimal)d,
            bool when Type == ParameterType.Boolean => null,
            string when Type == ParameterType.Text => null,
            _ => throw new ArgumentException($"Parameter '{Name}': a {value.GetType().Name} is not a {Type} value."),
        };
        var shown = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (numeric < Minimum)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{shown} is below the minimum {Minimum}");
        }

        return numeric > Maximum ? string.Create(CultureInfo.InvariantCulture, $"{shown} is above the maximum {Maximum}") : null;
    }
}
