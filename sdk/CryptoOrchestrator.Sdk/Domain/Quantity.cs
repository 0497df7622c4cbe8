using System.Diagnostics.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// An exact amount of the base asset with 8 decimal places (10^-8 steps). Signed: order
/// quantities are positive, position quantities are negative when short.
/// </summary>
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>, ISpanFormattable
{
    /// <summary>Number of decimal places every quantity carries.</summary>
    public const int Decimals = FixedPoint8.Decimals;

    private Quantity(long units) => Units = units;

    /// <summary>Nothing.</summary>
    public static Quantity Zero => default;

    /// <summary>The raw value: the amount in steps of 10^-8.</summary>
    public long Units { get; }

    /// <summary>True for zero.</summary>
    public bool IsZero => Units == 0;

    /// <summary>True for a short (negative) amount.</summary>
    public bool IsNegative => Units < 0;

    /// <summary>The magnitude, dropping the sign.</summary>
    public Quantity Abs() => new(Math.Abs(Units));

    /// <summary>Creates a quantity from a count of 10^-8 steps.</summary>
    public static Quantity FromUnits(long units) => new(units);

    /// <summary>Creates a quantity of whole units (1 = one coin).</summary>
    public static Quantity FromWhole(long whole) => new(checked(whole * FixedPoint8.UnitsPerOne));

    /// <summary>Creates a quantity from a decimal; throws when the value has more than 8 decimal places.</summary>
    public static Quantity FromDecimal(decimal value) => new(FixedPoint8.FromDecimal(value, nameof(Quantity)));

    /// <summary>Parses invariant text such as "0.015"; throws <see cref="FormatException"/> on anything else.</summary>
    public static Quantity Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var quantity)
            ? quantity
            : throw new FormatException($"'{text}' is not a quantity with at most {Decimals} decimal places.");
    }

    /// <summary>Parses invariant text without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Quantity quantity)
    {
        var ok = FixedPoint8.TryParse(text, out var units);
        quantity = new Quantity(units);
        return ok;
    }

    /// <summary>Parses invariant UTF-8 text without allocating (the CSV readers' path).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Quantity quantity)
    {
        var ok = FixedPoint8.TryParse(utf8, out var units);
        quantity = new Quantity(units);
        return ok;
    }

    /// <summary>The exact decimal value.</summary>
    public decimal ToDecimal() => FixedPoint8.ToDecimal(Units);

    /// <summary>The nearest double, for statistics only.</summary>
    public double ToDouble() => Units / (double)FixedPoint8.UnitsPerOne;

    /// <summary>Rounds to a multiple of <paramref name="lot"/>; the direction is always explicit.</summary>
    public Quantity RoundToLot(Quantity lot, MidpointRounding mode) => new(FixedPoint8.RoundToStep(Units, lot.Units, mode));

    /// <summary>True when the quantity is an exact multiple of <paramref name="lot"/>.</summary>
    public bool IsMultipleOf(Quantity lot) => lot.Units > 0 && Units % lot.Units == 0;

    /// <summary>The exact notional value at <paramref name="price"/>, in quote-asset units.</summary>
    public decimal Times(Price price) => FixedPoint8.Multiply(Units, price.Units);

    /// <summary>Adds two quantities.</summary>
    public static Quantity operator +(Quantity left, Quantity right) => new(checked(left.Units + right.Units));

    /// <summary>Subtracts two quantities.</summary>
    public static Quantity operator -(Quantity left, Quantity right) => new(checked(left.Units - right.Units));

    /// <summary>Negates a quantity (long becomes short).</summary>
    public static Quantity operator -(Quantity value) => new(checked(-value.Units));

    /// <summary>Compares two quantities.</summary>
    public static bool operator ==(Quantity left, Quantity right) => left.Units == right.Units;

    /// <summary>Compares two quantities.</summary>
    public static bool operator !=(Quantity left, Quantity right) => left.Units != right.Units;

    /// <summary>Compares two quantities.</summary>
    public static bool operator <(Quantity left, Quantity right) => left.Units < right.Units;

    /// <summary>Compares two quantities.</summary>
    public static bool operator >(Quantity left, Quantity right) => left.Units > right.Units;

    /// <summary>Compares two quantities.</summary>
    public static bool operator <=(Quantity left, Quantity right) => left.Units <= right.Units;

    /// <summary>Compares two quantities.</summary>
    public static bool operator >=(Quantity left, Quantity right) => left.Units >= right.Units;

    /// <summary>The smaller of two quantities.</summary>
    public static Quantity Min(Quantity a, Quantity b) => a.Units <= b.Units ? a : b;

    /// <summary>The larger of two quantities.</summary>
    public static Quantity Max(Quantity a, Quantity b) => a.Units >= b.Units ? a : b;

    /// <inheritdoc />
    public bool Equals(Quantity other) => Units == other.Units;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Quantity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Units.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Quantity other) => Units.CompareTo(other.Units);

    /// <inheritdoc />
    public override string ToString() => FixedPoint8.Format(Units);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => FixedPoint8.TryFormat(Units, destination, out charsWritten);
}
