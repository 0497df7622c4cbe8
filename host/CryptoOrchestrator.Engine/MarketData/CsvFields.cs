using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>Splits a UTF-8 CSV line at commas into ranges, without allocating.</summary>
internal static class CsvFields
{
    /// <summary>
    /// Fills <paramref name="ends"/> with the end (exclusive) of each field, up to its length, and
    /// returns how many fields the line really has, so a caller can tell a short or long row from a
    /// good one. Field i starts one past the end of field i - 1; see <see cref="Field"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Split(ReadOnlySpan<byte> line, Span<int> ends)
    {
        var count = 0;
        var i = 0;

        // Sixteen bytes compared at once; each set bit of the mask is a comma. One pass per line
        // instead of a search call per field: on a million-row file this is a large share of the parse.
        if (Vector128.IsHardwareAccelerated)
        {
            var commas = Vector128.Create((byte)',');
            ref var first = ref MemoryMarshal.GetReference(line);
            for (; i + Vector128<byte>.Count <= line.Length; i += Vector128<byte>.Count)
            {
                var mask = Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)i), commas).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var comma = i + BitOperations.TrailingZeroCount(mask);
                    Add(ends, ref count, comma);
                    mask &= mask - 1;
                }
            }
        }

        for (; i < line.Length; i++)
        {
            if (line[i] == (byte)',')
            {
                Add(ends, ref count, i);
            }
        }

        Add(ends, ref count, line.Length);
        return count;
    }

    /// <summary>True for an empty line or one of blanks only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsBlank(ReadOnlySpan<byte> line)
        => line.IsEmpty || (!IsPlain(line[0]) && line.Trim(" \t"u8).IsEmpty);

    /// <summary>The field without surrounding blanks and without one pair of surrounding double quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Clean(ReadOnlySpan<byte> field)
    {
        // Nearly every field is already clean: check its ends before paying for a trim.
        if (field.IsEmpty || (IsPlain(field[0]) && IsPlain(field[^1])))
        {
            return field;
        }

        field = field.Trim(" \t"u8);
        if (field.Length >= 2 && field[0] == (byte)'"' && field[^1] == (byte)'"')
        {
            field = field[1..^1].Trim(" \t"u8);
        }

        return field;
    }

    /// <summary>Field <paramref name="index"/> of a line split by <see cref="Split"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, ReadOnlySpan<int> ends, int index)
    {
        var start = index == 0 ? 0 : ends[index - 1] + 1;
        return line.Slice(start, ends[index] - start);
    }

    private static void Add(Span<int> ends, ref int count, int end)
    {
        if (count < ends.Length)
        {
            ends[count] = end;
        }

        count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlain(byte edge) => edge is not ((byte)' ' or (byte)'\t' or (byte)'"');

    /// <summary>The field as text for an error message, shortened when long.</summary>
    public static string Show(ReadOnlySpan<byte> field)
    {
        const int MaxShown = 40;
        var text = System.Text.Encoding.UTF8.GetString(field[..Math.Min(field.Length, MaxShown)]);
        return field.Length > MaxShown ? text + "…" : text;
    }
}
