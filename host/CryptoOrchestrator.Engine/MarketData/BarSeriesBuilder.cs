using System.Globalization;
using System.Runtime.CompilerServices;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>
/// Collects parsed bars in file order and enforces the series rules: strictly ascending open
/// times, the gap policy, bounded warnings and derived close times. The interval is unknown
/// until the first <see cref="DetectionWindow"/> bars are in, so their gap checks wait until then.
/// </summary>
internal sealed class BarSeriesBuilder
{
    /// <summary>How many leading bars the interval is detected from.</summary>
    public const int DetectionWindow = 500;

    /// <summary>At most this many warnings are listed one by one; the rest are counted in one more.</summary>
    public const int MaxListedWarnings = 100;

    /// <summary>
    /// A gap needing more flat bars than this (about 1.9 years of minutes) is taken for a wrong
    /// timestamp rather than filled into an enormous array.
    /// </summary>
    public const long MaxFilledBarsPerGap = 1_000_000;

    private readonly string path;
    private readonly string timeColumn;
    private readonly GapPolicy gaps;
    private readonly long? requestedInterval;
    private readonly long[] pendingLines = new long[DetectionWindow];
    private readonly List<DataWarning> warnings = [];
    private Bar[] bars;
    private int count;
    private int pendingCount;
    private bool intervalKnown;
    private long interval;
    private long lastLine;
    private long unlistedWarnings;
    private long firstUnlistedLine;

    public BarSeriesBuilder(string path, string timeColumn, GapPolicy gaps, long? intervalMs, int capacity)
    {
        if (intervalMs is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalMs), intervalMs, "A bar interval must be positive.");
        }

        this.path = path;
        this.timeColumn = timeColumn;
        this.gaps = gaps;
        requestedInterval = intervalMs;
        // Uninitialized: only the first Count bars are ever read, and each is written before that.
        bars = GC.AllocateUninitializedArray<Bar>(Math.Max(capacity, 16));
    }

    public int Count => count;

    /// <summary>Adds the bar read from <paramref name="line"/>; throws when it does not open after the previous one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in Bar bar, long line)
    {
        if (count > 0)
        {
            var previous = bars[count - 1].OpenTime;
            if (bar.OpenTime <= previous)
            {
                var what = bar.OpenTime == previous ? "repeats" : "is before";
                throw new MarketDataFormatException(
                    path,
                    line,
                    timeColumn,
                    $"open time {Iso(bar.OpenTime)} {what} the previous bar's ({Iso(previous)}, line {lastLine}); bars must be in strictly ascending time order.");
            }
        }

        lastLine = line;
        if (intervalKnown)
        {
            AppendAfterGapCheck(bar, line);
            return;
        }

        Append(bar);
        pendingLines[pendingCount++] = line;
        if (pendingCount == DetectionWindow)
        {
            ResolveInterval();
        }
    }

    /// <summary>
    /// The finished series. When the file had no close times they are derived: each bar closes
    /// one millisecond before the next opens, but never later than open + interval - 1, so a bar
    /// before a gap (a weekend in stock data) does not stretch over it.
    /// </summary>
    public BarSeries Build(Instrument instrument, bool deriveCloseTimes)
    {
        if (!intervalKnown)
        {
            ResolveInterval();
        }

        if (deriveCloseTimes)
        {
            DeriveCloseTimes();
        }

        if (unlistedWarnings > 0)
        {
            warnings.Add(new DataWarning(
                path,
                firstUnlistedLine,
                $"{unlistedWarnings} more gap(s) from this line on are not listed one by one."));
        }

        return new BarSeries(instrument, bars, count, interval, warnings.AsReadOnly());
    }

    private void ResolveInterval()
    {
        intervalKnown = true;
        interval = requestedInterval ?? IntervalDetector.MostCommonStep(bars.AsSpan(0, count));
        if (interval <= 0)
        {
            return;
        }

        // Replay the leading bars through the gap checks now that the interval is known.
        var leading = bars.AsSpan(0, count).ToArray();
        count = 0;
        for (var i = 0; i < leading.Length; i++)
        {
            AppendAfterGapCheck(leading[i], pendingLines[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AppendAfterGapCheck(in Bar bar, long line)
    {
        if (count > 0 && interval > 0 && bar.OpenTime - bars[count - 1].OpenTime > interval)
        {
            OnGap(bars[count - 1], bar, line);
        }

        Append(bar);
    }

    private void OnGap(Bar previous, in Bar next, long line)
    {
        var missing = (next.OpenTime - previous.OpenTime - 1) / interval;
        switch (gaps)
        {
            case GapPolicy.Error:
                throw new MarketDataFormatException(
                    path,
                    line,
                    timeColumn,
                    $"gap: {Iso(next.OpenTime)} follows {Iso(previous.OpenTime)}, {missing} bar(s) of {interval} ms missing (gap policy Error).");
            case GapPolicy.Warn:
                Warn(line, missing, previous, next, "missing");
                break;
            case GapPolicy.Fill:
                if (missing > MaxFilledBarsPerGap)
                {
                    throw new MarketDataFormatException(
                        path,
                        line,
                        timeColumn,
                        $"gap of {missing} bars after {Iso(previous.OpenTime)} is too large to fill (limit {MaxFilledBarsPerGap}); check the timestamp.");
                }

                Fill(previous, next.OpenTime, missing);
                Warn(line, missing, previous, next, "filled with flat bars");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(gaps), gaps, "Unknown gap policy.");
        }
    }

    private void Fill(Bar previous, long nextOpen, long missing)
    {
        var price = previous.Close;
        for (var k = 1; k <= missing; k++)
        {
            var open = previous.OpenTime + (k * interval);
            var close = Math.Min(open + interval, nextOpen) - 1;
            Append(new Bar(open, close, price, price, price, price, Quantity.Zero));
        }
    }

    private void Warn(long line, long missing, Bar previous, in Bar next, string outcome)
    {
        if (warnings.Count < MaxListedWarnings)
        {
            warnings.Add(new DataWarning(
                path,
                line,
                $"gap: {missing} bar(s) {outcome} between {Iso(previous.OpenTime)} and {Iso(next.OpenTime)}."));
            return;
        }

        if (unlistedWarnings++ == 0)
        {
            firstUnlistedLine = line;
        }
    }

    private void DeriveCloseTimes()
    {
        var span = bars.AsSpan(0, count);
        for (var i = 0; i < span.Length; i++)
        {
            var open = span[i].OpenTime;
            var end = interval > 0 ? open + interval : open + 1;
            if (i + 1 < span.Length)
            {
                end = Math.Min(end, span[i + 1].OpenTime);
            }

            span[i] = span[i] with { CloseTime = end - 1 };
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(in Bar bar)
    {
        if (count == bars.Length)
        {
            Array.Resize(ref bars, (int)Math.Min(Array.MaxLength, (count * 3L / 2) + 16));
        }

        bars[count++] = bar;
    }

    private static string Iso(long unixMs)
        => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);
}
