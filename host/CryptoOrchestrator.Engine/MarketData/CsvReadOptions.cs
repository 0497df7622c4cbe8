using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>How <see cref="CsvBarReader"/> and <see cref="BarSeriesLoader"/> read a bar file.</summary>
public sealed record CsvReadOptions
{
    /// <summary>
    /// The instrument the bars belong to. When null it is <see cref="Instrument.Spot(string)"/> of the
    /// file name's prefix before the first '-' (BTCUSDT-1h.csv gives BTCUSDT; GOOG.csv gives GOOG).
    /// </summary>
    public Instrument? Instrument { get; init; }

    /// <summary>What to do when bars are further apart than the interval.</summary>
    public GapPolicy Gaps { get; init; } = GapPolicy.Warn;

    /// <summary>
    /// The bar interval in milliseconds when it is known; null detects it as the most common
    /// difference between the open times of the first few hundred bars.
    /// </summary>
    public long? IntervalMs { get; init; }

    /// <summary>
    /// Where <see cref="BarSeriesLoader"/> keeps binary caches; null puts each cache beside its CSV file.
    /// </summary>
    public string? CacheDirectory { get; init; }
}
