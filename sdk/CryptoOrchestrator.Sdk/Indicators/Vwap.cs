using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Volume-weighted average of the typical price (high + low + close) / 3. Cumulative by default:
/// a session VWAP that runs until <see cref="Reset"/> (call it at the session boundary you
/// choose); with a <c>window</c> it covers only the last <c>window</c> bars. The sums are kept
/// exactly in 128-bit integers of price and volume units, so a rolling window never drifts.
/// Not ready, and NaN, while the bars it covers have no volume.
/// </summary>
public sealed class Vwap : IIndicator
{
    private readonly RingWindow<VolumeSlice>? _window;
    private Int128 _priceVolume;
    private Int128 _volume;

    /// <summary>Creates a VWAP: cumulative when <paramref name="window"/> is 0, else over the last <paramref name="window"/> bars.</summary>
    public Vwap(int window = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        _window = window == 0 ? null : new RingWindow<VolumeSlice>(window);
    }

    /// <summary>Bars in the rolling window, or 0 when cumulative.</summary>
    public int Window => _window?.Capacity ?? 0;

    /// <inheritdoc />
    public bool IsReady => _volume > 0 && (_window is null || _window.IsFull);

    /// <inheritdoc />
    public double Value { get; private set; } = double.NaN;

    /// <inheritdoc />
    public int WarmupPeriod => _window?.Capacity ?? 1;

    /// <summary>Adds one bar; throws on negative volume. Allocation-free: runs on the per-bar hot path.</summary>
    public void Update(in Bar bar)
    {
        if (bar.Volume.IsNegative)
        {
            throw new ArgumentException($"VWAP: the bar opening at {bar.OpenTime} has negative volume {bar.Volume}.", nameof(bar));
        }

        var slice = new VolumeSlice(
            checked(((Int128)bar.High.Units + bar.Low.Units + bar.Close.Units) * bar.Volume.Units),
            bar.Volume.Units);
        _priceVolume = checked(_priceVolume + slice.PriceVolume);
        _volume = checked(_volume + slice.Volume);
        if (_window is not null)
        {
            var evicted = _window.Push(slice);
            _priceVolume -= evicted.PriceVolume;
            _volume -= evicted.Volume;
        }

        // Typical-price units times volume units: divide by 3 and by one unit of volume.
        Value = IsReady ? (double)_priceVolume / (double)(_volume * 3 * FixedPoint8.UnitsPerOne) : double.NaN;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _window?.Clear();
        _priceVolume = 0;
        _volume = 0;
        Value = double.NaN;
    }

    private readonly record struct VolumeSlice(Int128 PriceVolume, long Volume);
}
