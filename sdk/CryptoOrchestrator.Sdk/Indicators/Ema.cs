namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Exponential moving average with smoothing 2 / (period + 1), seeded by the simple average of
/// the first <c>period</c> values, as TA-Lib does: the first value appears on the
/// <c>period</c>-th update and matches TA-Lib's EMA from there on.
/// </summary>
public sealed class Ema : IIndicator
{
    private readonly SeededAverage _average;

    /// <summary>Creates an average over <paramref name="period"/> values (at least 1).</summary>
    public Ema(int period) => _average = SeededAverage.Exponential(period);

    /// <inheritdoc />
    public bool IsReady => _average.IsReady;

    /// <inheritdoc />
    public double Value => _average.IsReady ? _average.Value : double.NaN;

    /// <inheritdoc />
    public int WarmupPeriod => _average.Period;

    /// <summary>Adds one value. Allocation-free: runs on the per-bar hot path.</summary>
    public void Update(double value) => _average.Update(value);

    /// <inheritdoc />
    public void Reset() => _average.Reset();
}
