using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

/// <summary>Hand-made hourly bars for pipeline tests.</summary>
internal static class Bars
{
    public const long Hour = 3_600_000;
    public const long Start = 1_700_000_000_000;

    /// <summary>One bar per (open, high, low, close) tuple, an hour apart, volume 100.</summary>
    public static BarSeries Series(Instrument instrument, params (decimal Open, decimal High, decimal Low, decimal Close)[] prices)
    {
        var bars = new Bar[prices.Length];
        for (var i = 0; i < prices.Length; i++)
        {
            var (open, high, low, close) = prices[i];
            bars[i] = new Bar(
                Start + (i * Hour),
                Start + ((i + 1) * Hour) - 1,
                Price.FromDecimal(open),
                Price.FromDecimal(high),
                Price.FromDecimal(low),
                Price.FromDecimal(close),
                Quantity.FromWhole(100));
        }

        return new BarSeries(instrument, bars, bars.Length, Hour);
    }

    /// <summary>Flat-range bars whose open and close are the given prices.</summary>
    public static BarSeries Closes(Instrument instrument, params decimal[] closes) =>
        Series(instrument, [.. closes.Select(c => (c, c + 1, c - 1, c))]);

    /// <summary>A seeded random walk of valid bars on a 0.01 tick, for property tests.</summary>
    public static BarSeries RandomWalk(Instrument instrument, int seed, int count)
    {
        var random = new Random(seed);
        var bars = new Bar[count];
        var close = 20_000m;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            close = Math.Max(1m, decimal.Round(open * (1m + ((decimal)random.NextDouble() - 0.5m) / 25m), 2));
            var high = Math.Max(open, close) + decimal.Round((decimal)random.NextDouble() * 50m, 2);
            var low = Math.Max(0.01m, Math.Min(open, close) - decimal.Round((decimal)random.NextDouble() * 50m, 2));
            bars[i] = new Bar(
                Start + (i * Hour),
                Start + ((i + 1) * Hour) - 1,
                Price.FromDecimal(open),
                Price.FromDecimal(high),
                Price.FromDecimal(low),
                Price.FromDecimal(close),
                Quantity.FromDecimal(decimal.Round((decimal)random.NextDouble() * 10m, 3) + 0.001m));
        }

        return new BarSeries(instrument, bars, count, Hour);
    }
}
