using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>
/// Deterministic synthetic bars: a log-price random walk whose drift and volatility follow a
/// Markov chain over <see cref="MarketRegime"/>s. Every bar is a valid candle on the instrument's
/// tick and lot: positive prices, high and low enclosing open and close, volume above zero, and
/// each bar opening at the previous close.
/// </summary>
public static class SyntheticBarGenerator
{
    // The walk reflects off these bounds (relative to the start) so long runs stay positive and inside Price's range.
    private const double RangeFactor = 1000;
    private const double HighestPrice = 1e10;
    private const int LowestPriceInTicks = 100;

    // Wicks are half a regime's volatility per standard normal draw beyond the body.
    private const double WickScale = 0.5;

    // Log-normal spread of volume around its typical level, so quiet bars still differ.
    private const double VolumeNoise = 0.3;

    /// <summary>Generates <see cref="SyntheticBarOptions.Count"/> bars; the same options always give the same bars.</summary>
    public static BarSeries Generate(Instrument instrument, SyntheticBarOptions options)
        => Generate(instrument, options, Span<int>.Empty);

    /// <summary>
    /// As <see cref="Generate(Instrument, SyntheticBarOptions)"/>, also writing the index of each bar's
    /// regime into <paramref name="regimeOfBar"/> when it is not empty (it must then hold Count entries).
    /// </summary>
    public static BarSeries Generate(Instrument instrument, SyntheticBarOptions options, Span<int> regimeOfBar)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Validate(options);
        if (!regimeOfBar.IsEmpty && regimeOfBar.Length < options.Count)
        {
            throw new ArgumentException($"regimeOfBar holds {regimeOfBar.Length} entries; {options.Count} bars need as many.", nameof(regimeOfBar));
        }

        var tick = instrument.TickSize;
        var start = Math.Max(instrument.RoundPrice(options.StartPrice, MidpointRounding.AwayFromZero).Units, tick.Units);
        var startPrice = Price.FromUnits(start).ToDouble();
        var lowestLog = Math.Log(Math.Max(startPrice / RangeFactor, LowestPriceInTicks * tick.ToDouble()));
        var highestLog = Math.Log(Math.Min(startPrice * RangeFactor, HighestPrice));
        var gaussian = new GaussianSource(new Random(options.Seed));
        var regimes = options.Regimes;
        var regime = options.InitialRegime;
        var bars = new Bar[options.Count];
        var logPrice = Math.Log(startPrice);
        var open = Price.FromUnits(start);
        for (var i = 0; i < bars.Length; i++)
        {
            if (i > 0)
            {
                regime = NextRegime(gaussian.Uniform, regimes, regime);
            }

            var current = regimes[regime];
            var logReturn = current.DriftPerBar + (current.VolatilityPerBar * gaussian.Next());
            logPrice = Reflect(logPrice + logReturn, lowestLog, highestLog);
            var close = ToPrice(Math.Exp(logPrice), instrument, MidpointRounding.AwayFromZero);
            var wickUp = Math.Abs(gaussian.Next()) * current.VolatilityPerBar * WickScale;
            var wickDown = Math.Abs(gaussian.Next()) * current.VolatilityPerBar * WickScale;
            var top = Price.Max(open, close);
            var bottom = Price.Min(open, close);
            var high = Price.Max(top, ToPrice(top.ToDouble() * Math.Exp(wickUp), instrument, MidpointRounding.ToPositiveInfinity));
            var low = Price.Min(bottom, ToPrice(bottom.ToDouble() * Math.Exp(-wickDown), instrument, MidpointRounding.ToNegativeInfinity));
            var activity = 1 + (current.VolatilityPerBar > 0 ? Math.Abs(logReturn - current.DriftPerBar) / current.VolatilityPerBar : 0);
            var volume = ToVolume(options.BaseVolume.ToDouble() * activity * Math.Exp(VolumeNoise * gaussian.Next()), instrument);
            var openTime = options.StartTime + (i * options.IntervalMs);
            bars[i] = new Bar(openTime, openTime + options.IntervalMs - 1, open, high, low, close, volume);
            if (!regimeOfBar.IsEmpty)
            {
                regimeOfBar[i] = regime;
            }

            open = close;
        }

        return new BarSeries(instrument, bars, bars.Length, options.IntervalMs);
    }

    private static int NextRegime(Random random, IReadOnlyList<MarketRegime> regimes, int current)
    {
        if (regimes.Count == 1 || random.NextDouble() >= 1.0 / regimes[current].MeanDurationBars)
        {
            return current;
        }

        // Leave for one of the other regimes, each equally likely.
        var next = random.Next(regimes.Count - 1);
        return next >= current ? next + 1 : next;
    }

    private static double Reflect(double value, double lowest, double highest)
    {
        if (value > highest)
        {
            return Math.Max(lowest, highest - (value - highest));
        }

        return value < lowest ? Math.Min(highest, lowest + (lowest - value)) : value;
    }

    /// <summary>The nearest price on the tick in the given direction, never below one tick.</summary>
    private static Price ToPrice(double value, Instrument instrument, MidpointRounding mode)
    {
        var tick = instrument.TickSize.Units;
        var ticks = value / instrument.TickSize.ToDouble();
        var rounded = mode switch
        {
            MidpointRounding.ToPositiveInfinity => Math.Ceiling(ticks),
            MidpointRounding.ToNegativeInfinity => Math.Floor(ticks),
            _ => Math.Round(ticks, MidpointRounding.AwayFromZero),
        };
        return Price.FromUnits(Math.Max(1, (long)rounded) * tick);
    }

    private static Quantity ToVolume(double value, Instrument instrument)
    {
        var lot = instrument.LotSize.Units;
        var lots = (long)Math.Round(value / instrument.LotSize.ToDouble(), MidpointRounding.AwayFromZero);
        return Quantity.FromUnits(Math.Max(1, lots) * lot);
    }

    private static void Validate(SyntheticBarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Count, nameof(options.Count));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.IntervalMs, nameof(options.IntervalMs));
        ArgumentOutOfRangeException.ThrowIfNegative(options.StartTime, nameof(options.StartTime));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StartPrice.Units, nameof(options.StartPrice));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BaseVolume.Units, nameof(options.BaseVolume));
        if (options.Count > 0 && options.IntervalMs > (long.MaxValue - options.StartTime) / options.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "StartTime + Count * IntervalMs does not fit in a Unix millisecond time.");
        }

        ArgumentNullException.ThrowIfNull(options.Regimes, nameof(options.Regimes));
        if (options.Regimes.Count == 0)
        {
            throw new ArgumentException("At least one market regime is needed.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.InitialRegime, nameof(options.InitialRegime));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.InitialRegime, options.Regimes.Count, nameof(options.InitialRegime));
        foreach (var regime in options.Regimes)
        {
            if (regime is null
                || string.IsNullOrWhiteSpace(regime.Name)
                || !double.IsFinite(regime.DriftPerBar)
                || !double.IsFinite(regime.VolatilityPerBar) || regime.VolatilityPerBar < 0
                || !double.IsFinite(regime.MeanDurationBars) || regime.MeanDurationBars < 1)
            {
                throw new ArgumentException(
                    $"Market regime {regime} needs a name, a finite drift, a finite volatility >= 0 and a mean duration >= 1 bar.",
                    nameof(options));
            }
        }
    }
}
