using System.Diagnostics.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// An exact price in units of the quote asset, with 8 decimal places (10^-8 steps).
/// Never a binary floating-point number: prices compare and round exactly.
/// </summary>
public readonly struct Price : IEquatable<Price>, IComparable<Price>, ISpanFormattable
{
    /// <summary>Number of decimal places every price carries.</summary>
    public const int Decimals = FixedPoint8.Decimals;

    private Price(long units) => Units = units;

    /// <summary>Zero.</summary>
    public static Price Zero => default;

    /// <summary>The raw value: the price in steps of 10^-8.</summary>
    public long Units { get; }

    /// <summary>True when the price is zero, which the SDK uses for "no price" on market orders.</summary>
    public bool IsZero => Units == 0;

    /// <summary>Creates a price from a count of 10^-8 steps.</summary>
    public static Price FromUnits(long units) => new(units);

    /// <summary>Creates a price from a decimal; throws when the value has more than 8 decimal places.</summary>
    public static Price FromDecimal(decimal value) => new(FixedPoint8.FromDecimal(value, nameof(Price)));

    /// <summary>Parses invariant text such as "42150.25"; throws <see cref="FormatException"/> on anything else.</summary>
    public static Price Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var price)
            ? price
            : throw new FormatException($"'{text}' is not a price with at most {Decimals} decimal places.");
    }

    /// <summary>Parses invariant text without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Price price)
    {
        var ok = FixedPoint8.TryParse(text, out var units);
        price = new Price(units);
        return ok;
    }

    /// <summary>Parses invariant UTF-8 text without allocating (the CSV readers' path).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Price price)
    {
        var ok = FixedPoint8.TryParse(utf8, out var units);
        price = new Price(units);
        return ok;
    }

    /// <summary>The exact decimal value.</summary>
    public decimal ToDecimal() => FixedPoint8.ToDecimal(Units);

    /// <summary>
    /// The nearest double, for indicators and statistics only: never feed it back into an order.
    /// </summary>
    public double ToDouble() => Units / (double)FixedPoint8.UnitsPerOne;

    /// <summary>Rounds to a multiple of <paramref name="tick"/>; the direction is always explicit.</summary>
    public Price RoundToTick(Price tick, MidpointRounding mode) => new(FixedPoint8.RoundToStep(Units, tick.Units, mode));

    /// <summary>True when the price is an exact multiple of <paramref name="tick"/>.</summary>
    public bool IsMultipleOf(Price tick) => tick.Units > 0 && Units % tick.Units == 0;

    /// <summary>The exact notional value of <paramref name="quantity"/> at this price, in quote-asset units.</summary>
    public decimal Times(Quantity quantity) => FixedPoint8.Multiply(Units, quantity.Units);

    /// <summary>Adds two prices.</summary>
    public static Price operator +(Price left, Price right) => new(checked(left.Units + right.Units));

    /// <summary>Subtracts two prices.</summary>
    public static Price operator -(Price left, Price right) => new(checked(left.Units - right.Units));

    /// <summary>Compares two prices.</summary>
    public static bool operator ==(Price left, Price right) => left.Units == right.Units;

    /// <summary>Compares two prices.</summary>
    public static bool operator !=(Price left, Price right) => left.Units != right.Units;

    /// <summary>Compares two prices.</summary>
    public static bool operator <(Price left, Price right) => left.Units < right.Units;

    /// <summary>Compares two prices.</summary>
    public static bool operator >(Price left, Price right) => left.Units > right.Units;

    /// <summary>Compares two prices.</summary>
    public static bool operator <=(Price left, Price right) => left.Units <= right.Units;

    /// <summary>Compares two prices.</summary>
    public static bool operator >=(Price left, Price right) => left.Units >= right.Units;

    /// <summary>The larger of two prices.</summary>
    public static Price Max(Price a, Price b) => a.Units >= b.Units ? a : b;

    /// <summary>The smaller of two prices.</summary>
    public static Price Min(Price a, Price b) => a.Units <= b.Units ? a : b;

    /// <inheritdoc />
    public bool Equals(Price other) => Units == other.Units;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Price other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Units.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Price other) => Units.CompareTo(other.Units);

    /// <inheritdoc />
    public override string ToString() => FixedPoint8.Format(Units);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => FixedPoint8.TryFormat(Units, destination, out charsWritten);
}
