using System.Globalization;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>Reads bar intervals written as a whole number and a unit: <c>500ms</c>, <c>30s</c>, <c>1m</c>, <c>4h</c>, <c>1d</c>.</summary>
internal static class IntervalText
{
    public const string Syntax = "a whole number and a unit of ms, s, m, h or d (e.g. 1m, 4h)";

    /// <summary>The interval in milliseconds, or null when the text is not one.</summary>
    public static long? TryParseMs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        (string Suffix, long Ms)[] units = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)];
        foreach (var (suffix, ms) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal)
                && long.TryParse(trimmed[..^suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && count > 0
                && count <= long.MaxValue / ms)
            {
                return count * ms;
            }
        }

        return null;
    }
}
