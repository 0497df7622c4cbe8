using System.Globalization;

namespace CryptoOrchestrator.Host.Output;

/// <summary>
/// Writes exact amounts without the trailing zeros that 16-digit decimal arithmetic leaves
/// (10000.0000000000000000 → 10000), never in scientific notation and never rounded.
/// </summary>
internal static class MoneyText
{
    public static string Of(decimal value)
    {
        Span<char> buffer = stackalloc char[64];
        return new string(Format(value, buffer));
    }

    /// <summary>
    /// Formats into <paramref name="buffer"/> and trims the zeros: no string per value, which matters
    /// when an equity curve of millions of points is written.
    /// </summary>
    public static ReadOnlySpan<char> Format(decimal value, Span<char> buffer)
    {
        // A decimal prints at most 29 digits, a sign and a point: 64 characters always suffice.
        value.TryFormat(buffer, out var length, default, CultureInfo.InvariantCulture);
        var text = buffer[..length];
        if (text.Contains('.'))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text;
    }
}
