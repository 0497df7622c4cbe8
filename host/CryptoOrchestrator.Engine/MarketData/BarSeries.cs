using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>One instrument's bars in ascending open time without duplicates, held in one contiguous array.</summary>
public sealed class BarSeries
{
    private static readonly IReadOnlyList<DataWarning> NoWarnings = [];

    private readonly Bar[] bars;

    /// <summary>
    /// Wraps the first <paramref name="count"/> bars of <paramref name="bars"/> (the array is not copied,
    /// so readers can hand over an oversized buffer). Throws when the open times are not strictly ascending.
    /// </summary>
    public BarSeries(Instrument instrument, Bar[] bars, int count, long intervalMs)
        : this(instrument, bars, count, intervalMs, NoWarnings)
    {
    }

    /// <summary>As the other constructor, with the warnings found while reading the bars.</summary>
    public BarSeries(Instrument instrument, Bar[] bars, int count, long intervalMs, IReadOnlyList<DataWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, bars.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(intervalMs);
        var unordered = FirstUnorderedIndex(bars.AsSpan(0, count));
        if (unordered >= 0)
        {
            throw new ArgumentException(
                $"{instrument.Symbol}: bar {unordered} opens at {bars[unordered].OpenTime}, not after bar {unordered - 1} ({bars[unordered - 1].OpenTime}); bars must be in strictly ascending open time.",
                nameof(bars));
        }

        Instrument = instrument;
        this.bars = bars;
        Count = count;
        IntervalMs = intervalMs;
        Warnings = warnings;
    }

    /// <summary>The instrument the bars belong to.</summary>
    public Instrument Instrument { get; }

    /// <summary>The bars, oldest first.</summary>
    public ReadOnlySpan<Bar> Bars => bars.AsSpan(0, Count);

    /// <summary>How many bars there are.</summary>
    public int Count { get; }

    /// <summary>The bar interval in milliseconds (e.g. 60 000 for one minute); 0 when unknown.</summary>
    public long IntervalMs { get; }

    /// <summary>What the reader accepted but reported, e.g. gaps under <see cref="GapPolicy.Warn"/>.</summary>
    public IReadOnlyList<DataWarning> Warnings { get; }

    /// <summary>The index of the first bar that does not open after its predecessor, or -1 when all do.</summary>
    internal static int FirstUnorderedIndex(ReadOnlySpan<Bar> bars)
    {
        for (var i = 1; i < bars.Length; i++)
        {
            if (bars[i].OpenTime <= bars[i - 1].OpenTime)
            {
                return i;
            }
        }

        return -1;
    }
}
