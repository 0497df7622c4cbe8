using System.Text;

namespace CryptoOrchestrator.Api.Metrics;

/// <summary>The Prometheus text exposition format's rules for names and label values.</summary>
internal static class PrometheusText
{
    /// <summary>A metric or label name: <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; anything else (dots, dashes) becomes '_'.</summary>
    public static string Name(string name)
    {
        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var allowed = char.IsAsciiLetter(c) || c is '_' or ':' || (i > 0 && char.IsAsciiDigit(c));
            builder.Append(allowed ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>A label set, <c>{a="1",b="x"}</c>, sorted by name so one set always renders one way; empty for none.</summary>
    public static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return "";
        }

        var sorted = tags.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var builder = new StringBuilder("{");
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Name(sorted[i].Key)).Append("=\"");
            AppendEscaped(builder, Convert.ToString(sorted[i].Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
            builder.Append('"');
        }

        return builder.Append('}').ToString();
    }

    /// <summary><paramref name="labels"/> with one more label appended (the histogram's <c>le</c>).</summary>
    public static string WithLabel(string labels, string name, string value) =>
        labels.Length == 0 ? $"{{{name}=\"{value}\"}}" : $"{labels[..^1]},{name}=\"{value}\"}}";

    /// <summary>A sample value: Go-style float text, with the special values spelled as Prometheus expects.</summary>
    public static string Value(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '"' => builder.Append("\\\""),
                '\n' => builder.Append(@"\n"),
                _ => builder.Append(c),
            };
        }
    }
}
