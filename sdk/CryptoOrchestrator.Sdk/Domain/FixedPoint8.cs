using System.Globalization;
using System.Runtime.CompilerServices;

namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// Arithmetic shared by <see cref="Price"/> and <see cref="Quantity"/>: signed integers counting
/// steps of 10^-8, the finest precision crypto venues quote. Integers keep prices exact,
/// compact (8 bytes) and fast to compare, which the per-bar engine loop depends on.
/// </summary>
internal static class FixedPoint8
{
    public const int Decimals = 8;
    public const long UnitsPerOne = 100_000_000;

    private static readonly Int128 MaxDecimalMantissa = (Int128.One << 96) - 1;

    /// <summary>The largest whole part a fixed-point value can have.</summary>
    private const long MaxWhole = long.MaxValue / UnitsPerOne;

    /// <summary>What a fraction of n digits is multiplied by to count 10^-8 steps.</summary>
    private static readonly long[] FractionScale = [100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    public static decimal ToDecimal(long units)
    {
        var negative = units < 0;
        // long.MinValue has no positive counterpart in long, but it does in ulong.
        var magnitude = negative ? (ulong)(-(units + 1)) + 1 : (ulong)units;
        return new decimal((int)magnitude, (int)(magnitude >> 32), 0, negative, Decimals);
    }

    /// <summary>Converts exactly, or throws when <paramref name="value"/> has finer precision than 10^-8 or does not fit.</summary>
    public static long FromDecimal(decimal value, string typeName)
    {
        var scaled = value * UnitsPerOne;
        if (decimal.Truncate(scaled) != scaled)
        {
            throw new ArgumentException(
                $"{value.ToString(CultureInfo.InvariantCulture)} has more than {Decimals} decimal places and cannot be a {typeName} exactly; round it explicitly first.",
                nameof(value));
        }

        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            throw new OverflowException($"{value.ToString(CultureInfo.InvariantCulture)} is outside the range of {typeName}.");
        }

        return (long)scaled;
    }

    /// <summary>The exact product of two fixed-point numbers, as a decimal with 16 fractional digits.</summary>
    public static decimal Multiply(long a, long b)
    {
        var product = (Int128)a * b;
        var negative = product < 0;
        var magnitude = negative ? -product : product;
        if (magnitude > MaxDecimalMantissa)
        {
            throw new OverflowException("The product of a price and a quantity exceeds the range of decimal.");
        }

        var low = (ulong)magnitude;
        var high = (uint)(magnitude >> 64);
        return new decimal((int)low, (int)(low >> 32), (int)high, negative, 2 * Decimals);
    }

    /// <summary>Rounds <paramref name="units"/> to a multiple of <paramref name="step"/> in the given direction.</summary>
    public static long RoundToStep(long units, long step, MidpointRounding mode)
    {
        if (step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A rounding step must be positive.");
        }

        var quotient = Math.DivRem(units, step, out var remainder);
        if (remainder == 0)
        {
            return units;
        }

        var awayFromZero = units < 0 ? quotient - 1 : quotient + 1;
        var chosen = mode switch
        {
            MidpointRounding.ToZero => quotient,
            MidpointRounding.ToNegativeInfinity => units < 0 ? awayFromZero : quotient,
            MidpointRounding.ToPositiveInfinity => units < 0 ? quotient : awayFromZero,
            MidpointRounding.AwayFromZero => Math.Abs(remainder) * 2 >= step ? awayFromZero : quotient,
            MidpointRounding.ToEven => RoundHalfEven(quotient, awayFromZero, Math.Abs(remainder), step),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown rounding mode."),
        };
        return checked(chosen * step);
    }

    private static long RoundHalfEven(long toward, long away, long remainder, long step)
    {
        var twice = remainder * 2;
        if (twice != step)
        {
            return twice > step ? away : toward;
        }

        return toward % 2 == 0 ? toward : away;
    }

    /// <summary>
    /// Parses an invariant decimal number ("-123.45678901", "1e-3" is refused) without allocating.
    /// Fails rather than rounds when the text has more than 8 significant fractional digits.
    /// The CSV readers call this for every price in a file, so it stays one pass with no division,
    /// compiled fully optimized from the first call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> utf8, out long units)
    {
        units = 0;
        var text = utf8;
        if (!text.IsEmpty && (IsBlank(text[0]) || IsBlank(text[^1])))
        {
            text = text.Trim(" \t\r"u8);
        }

        if (text.IsEmpty)
        {
            return false;
        }

        var negative = false;
        if (text[0] is (byte)'-' or (byte)'+')
        {
            negative = text[0] == (byte)'-';
            text = text[1..];
        }

        long whole = 0;
        var i = 0;
        for (; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                break;
            }

            // Checked before it can overflow: whole stays below 10^12 here.
            whole = (whole * 10) + digit;
            if (whole > MaxWhole)
            {
                return false;
            }
        }

        var digits = i;
        long fraction = 0;
        var fractionDigits = 0;
        if (i < text.Length)
        {
            if (text[i] != (byte)'.')
            {
                return false;
            }

            for (i++; i < text.Length; i++)
            {
                var digit = (uint)(text[i] - '0');
                if (digit > 9)
                {
                    return false;
                }

                digits++;
                if (fractionDigits < Decimals)
                {
                    fraction = (fraction * 10) + digit;
                    fractionDigits++;
                }
                else if (digit != 0)
                {
                    return false;
                }
            }
        }

        if (digits == 0)
        {
            return false;
        }

        fraction *= FractionScale[fractionDigits];
        // The check on the whole part bounds only the integer digits: the fraction can still carry the
        // total past long's range (which reaches one unit further on the negative side).
        var magnitude = ((ulong)whole * UnitsPerOne) + (ulong)fraction;
        if (magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
        {
            return false;
        }

        units = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBlank(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r';

    public static bool TryParse(ReadOnlySpan<char> text, out long units)
    {
        Span<byte> utf8 = stackalloc byte[64];
        if (text.Length > utf8.Length)
        {
            units = 0;
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 127)
            {
                units = 0;
                return false;
            }

            utf8[i] = (byte)text[i];
        }

        return TryParse(utf8[..text.Length], out units);
    }

    /// <summary>Formats without trailing fractional zeros: 1.5, 0.00000001, -42.</summary>
    public static bool TryFormat(long units, Span<char> destination, out int written)
    {
        Span<char> buffer = stackalloc char[32];
        var negative = units < 0;
        var magnitude = negative ? (ulong)(-(units + 1)) + 1 : (ulong)units;
        var whole = magnitude / UnitsPerOne;
        var fraction = magnitude % UnitsPerOne;
        var length = 0;
        if (negative)
        {
            buffer[length++] = '-';
        }

        whole.TryFormat(buffer[length..], out var wholeLength, default, CultureInfo.InvariantCulture);
        length += wholeLength;
        if (fraction != 0)
        {
            buffer[length++] = '.';
            fraction.TryFormat(buffer[length..], out _, "D8", CultureInfo.InvariantCulture);
            var fractionLength = Decimals;
            while (buffer[length + fractionLength - 1] == '0')
            {
                fractionLength--;
            }

            length += fractionLength;
        }

        written = 0;
        if (length > destination.Length)
        {
            return false;
        }

        buffer[..length].CopyTo(destination);
        written = length;
        return true;
    }

    public static string Format(long units)
    {
        Span<char> buffer = stackalloc char[32];
        TryFormat(units, buffer, out var written);
        return new string(buffer[..written]);
    }
}
