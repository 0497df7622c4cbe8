using System.Runtime.CompilerServices;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>
/// Reads a bar time from UTF-8 text into Unix epoch milliseconds without allocating.
/// Epoch numbers are told apart by their digit count, which is unambiguous for any date
/// between 2001 and 2286: up to 10 digits are seconds, 11–13 milliseconds, 14–16 microseconds
/// (Binance's spot files since 2025). Otherwise ISO-8601: a date, optionally a time with
/// optional fraction, optionally "Z" or an offset; no offset means UTC. Sub-millisecond
/// digits are truncated.
/// </summary>
internal static class TimestampParser
{
    public const string Expected = "epoch seconds (10 digits), milliseconds (13) or microseconds (16), or an ISO-8601 date/time";

    private const long MillisecondsPerDay = 86_400_000;

    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> text, out long unixMs)
    {
        unixMs = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        // Epoch numbers are the common case: one pass accumulates the digits and stops at the first non-digit.
        if (text.Length <= 16)
        {
            long value = 0;
            var i = 0;
            for (; i < text.Length; i++)
            {
                var digit = (uint)(text[i] - '0');
                if (digit > 9)
                {
                    break;
                }

                value = (value * 10) + digit;
            }

            if (i == text.Length)
            {
                unixMs = i switch
                {
                    <= 10 => value * 1000,
                    <= 13 => value,
                    _ => value / 1000,
                };
                return true;
            }
        }

        return TryParseIso(text, out unixMs);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseIso(ReadOnlySpan<byte> text, out long unixMs)
    {
        unixMs = 0;
        var position = 0;
        if (!TryDigits(text, ref position, 4, out var year)
            || !TryDateSeparator(text, ref position)
            || !TryDigits(text, ref position, 2, out var month)
            || !TryDateSeparator(text, ref position)
            || !TryDigits(text, ref position, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        long timeOfDay = 0;
        if (position < text.Length && text[position] is (byte)'T' or (byte)'t' or (byte)' ')
        {
            position++;
            if (!TryTimeOfDay(text, ref position, out timeOfDay))
            {
                return false;
            }
        }

        if (!TryOffset(text[position..], out var offsetMs))
        {
            return false;
        }

        var days = new DateOnly(year, month, day).DayNumber - UnixEpochDayNumber;
        unixMs = (days * MillisecondsPerDay) + timeOfDay - offsetMs;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryTimeOfDay(ReadOnlySpan<byte> text, ref int position, out long milliseconds)
    {
        milliseconds = 0;
        if (!TryDigits(text, ref position, 2, out var hour)
            || !TrySkip(text, ref position, (byte)':')
            || !TryDigits(text, ref position, 2, out var minute))
        {
            return false;
        }

        var second = 0;
        long fractionMs = 0;
        if (position < text.Length && text[position] == (byte)':')
        {
            position++;
            if (!TryDigits(text, ref position, 2, out second))
            {
                return false;
            }

            if (position < text.Length && text[position] is (byte)'.' or (byte)',')
            {
                position++;
                if (!TryFraction(text, ref position, out fractionMs))
                {
                    return false;
                }
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        milliseconds = (hour * 3_600_000L) + (minute * 60_000L) + (second * 1000L) + fractionMs;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryFraction(ReadOnlySpan<byte> text, ref int position, out long milliseconds)
    {
        milliseconds = 0;
        var digits = 0;
        while (position < text.Length && (uint)(text[position] - '0') <= 9)
        {
            if (digits < 3)
            {
                milliseconds = (milliseconds * 10) + (text[position] - '0');
            }

            digits++;
            position++;
        }

        for (var i = digits; i < 3; i++)
        {
            milliseconds *= 10;
        }

        return digits > 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryOffset(ReadOnlySpan<byte> text, out long offsetMs)
    {
        offsetMs = 0;
        if (text.IsEmpty)
        {
            return true;
        }

        if (text.Length == 1 && text[0] is (byte)'Z' or (byte)'z')
        {
            return true;
        }

        if (text[0] is not ((byte)'+' or (byte)'-'))
        {
            return false;
        }

        var sign = text[0] == (byte)'-' ? -1 : 1;
        var position = 1;
        if (!TryDigits(text, ref position, 2, out var hours))
        {
            return false;
        }

        var minutes = 0;
        if (position < text.Length)
        {
            TrySkip(text, ref position, (byte)':');
            if (!TryDigits(text, ref position, 2, out minutes))
            {
                return false;
            }
        }

        if (position != text.Length || hours > 23 || minutes > 59)
        {
            return false;
        }

        offsetMs = sign * ((hours * 3_600_000L) + (minutes * 60_000L));
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDateSeparator(ReadOnlySpan<byte> text, ref int position)
        => TrySkip(text, ref position, (byte)'-') || TrySkip(text, ref position, (byte)'/');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TrySkip(ReadOnlySpan<byte> text, ref int position, byte expected)
    {
        if (position < text.Length && text[position] == expected)
        {
            position++;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigits(ReadOnlySpan<byte> text, ref int position, int count, out int value)
    {
        value = 0;
        if (position + count > text.Length)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var digit = text[position + i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        position += count;
        return true;
    }
}
