namespace CryptoOrchestrator.Engine.Accounting;

/// <summary>
/// Money as a whole count of 10^-16 of the quote asset: the exact scale of a price × quantity
/// product (both have 8 decimals), so such amounts add and subtract exactly in Int128 integer
/// arithmetic, which costs a fraction of a decimal addition on the per-bar path.
/// </summary>
internal static class QuoteUnits
{
    /// <summary>Decimal places of one unit.</summary>
    public const int Scale = 16;

    private static readonly Int128 MaxMantissa = (Int128.One << 96) - 1;

    private static readonly Int128 UnitsPerOne = 10_000_000_000_000_000L;

    /// <summary>
    /// The amount as a decimal with 16 decimal places, as decimal arithmetic on such products
    /// would give it. Beyond decimal's 96-bit mantissa it keeps the 28-29 leading digits instead.
    /// </summary>
    public static decimal ToDecimal(Int128 units)
    {
        var negative = units < 0;
        var magnitude = negative ? -units : units;
        if (magnitude <= MaxMantissa)
        {
            var low = (ulong)magnitude;
            return new decimal((int)low, (int)(low >> 32), (int)(uint)(magnitude >> 64), negative, Scale);
        }

        // Only sums of many huge positions get here; decimal addition rounds them to its precision.
        var whole = Int128.DivRem(units, UnitsPerOne);
        return (decimal)whole.Quotient + ToDecimal(whole.Remainder);
    }

    /// <summary>
    /// The exact unit count of <paramref name="amount"/>, or false when it has more than 16
    /// decimal places or is too large for Int128 at this scale.
    /// </summary>
    public static bool TryFromDecimal(decimal amount, out Int128 units)
    {
        units = default;
        var scale = amount.Scale;
        if (scale > Scale)
        {
            return false;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        var factor = Pow10(Scale - scale);
        if (mantissa > Int128.MaxValue / factor)
        {
            return false;
        }

        units = mantissa * factor;
        if (amount < 0)
        {
            units = -units;
        }

        return true;
    }

    private static Int128 Pow10(int exponent)
    {
        Int128 result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
