using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// Bars for tests, written as the prices a test is about. <see cref="FromCloses(decimal[])"/> makes
/// one-minute bars from 2024-01-01T00:00Z: each opens at the previous close (the first at its own close),
/// its high and low are the larger and smaller of open and close, and its volume is 1. Every bar is checked:
/// a price that is not positive or has more than 8 decimal places, or a bar that cannot exist, throws.
/// </summary>
public static class TestBars
{
    /// <summary>Where <see cref="FromCloses(decimal[])"/> starts: 2024-01-01T00:00Z.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The interval of <see cref="FromCloses(decimal[])"/>: one minute.</summary>
    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromMinutes(1);

    /// <summary>One-minute bars from 2024-01-01T00:00Z closing at <paramref name="closes"/>, in order.</summary>
    public static IReadOnlyList<Bar> FromCloses(params decimal[] closes) => FromCloses(DefaultInterval, DefaultStart, closes);

    /// <summary>Bars <paramref name="interval"/> long from <paramref name="start"/> closing at <paramref name="closes"/>, in order.</summary>
    public static IReadOnlyList<Bar> FromCloses(TimeSpan interval, DateTimeOffset start, params decimal[] closes)
    {
        ArgumentNullException.ThrowIfNull(closes);
        var bars = new Bar[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            if (closes[i] <= 0m)
            {
                throw new ArgumentException($"Close {closes[i]} at index {i} is not a positive price.", nameof(closes));
            }

            var open = i == 0 ? closes[0] : closes[i - 1];
            var close = closes[i];
            bars[i] = Create(start + (interval * i), interval, open, Math.Max(open, close), Math.Min(open, close), close);
        }

        return bars;
    }

    /// <summary>
    /// One bar opening at <paramref name="openTime"/> and covering <paramref name="interval"/>: its close time is
    /// the last millisecond before the next bar would open, as exchanges publish it.
    /// </summary>
    public static Bar Create(DateTimeOffset openTime, TimeSpan interval, decimal open, decimal high, decimal low, decimal close, decimal volume = 1m)
    {
        if (interval.Ticks <= 0 || interval.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A bar interval is a positive whole number of milliseconds.");
        }

        var openMs = openTime.ToUnixTimeMilliseconds();
        var bar = new Bar(
            openMs,
            openMs + (long)interval.TotalMilliseconds - 1,
            PositivePrice.From(open, nameof(open)),
            PositivePrice.From(high, nameof(high)),
            PositivePrice.From(low, nameof(low)),
            PositivePrice.From(close, nameof(close)),
            Quantity.FromDecimal(volume));
        return bar.Inconsistency() is { } problem
            ? throw new ArgumentException($"The bar opening at {openTime:O} cannot exist: {problem} (open {open}, high {high}, low {low}, close {close}, volume {volume}).")
            : bar;
    }
}
