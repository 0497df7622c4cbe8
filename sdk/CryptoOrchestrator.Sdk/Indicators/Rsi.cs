namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Relative strength index, 0 to 100, with Wilder's smoothing of average gains and losses,
/// seeded by their simple averages over the first <c>period</c> changes (TA-Lib's RSI). Needs
/// <c>period + 1</c> values. When prices have not moved at all over the seed (average gain plus
/// average loss below 1e-8) the value is 0, as in TA-Lib.
/// </summary>
public sealed class Rsi : IIndicator
{
    // TA-Lib treats a denominator within 1e-8 of zero as zero.
    private const double NoMovement = 1e-8;

    private readonly SeededAverage _gains;
    private readonly SeededAverage _losses;
    private double _previous = double.NaN;

    /// <summary>Creates an RSI over <paramref name="period"/> price changes (at least 1).</summary>
    public Rsi(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _gains = SeededAverage.Wilder(period);
        _losses = SeededAverage.Wilder(period);
    }

    /// <inheritdoc />
    public bool IsReady => _gains.IsReady;

    /// <inheritdoc />
    public double Value { get; private set; } = double.NaN;

    /// <inheritdoc />
    public int WarmupPeriod => _gains.Period + 1;

    /// <summary>Adds one value (usually a close). Allocation-free: runs on the per-bar hot path.</summary>
    public void Update(double value)
    {
        var previous = _previous;
        _previous = value;
        if (double.IsNaN(previous))
        {
            return;
        }

        var change = value - previous;
        _gains.Update(change > 0 ? change : 0.0);
        _losses.Update(change < 0 ? -change : 0.0);
        if (!_gains.IsReady)
        {
            return;
        }

        var total = _gains.Value + _losses.Value;
        Value = Math.Abs(total) < NoMovement ? 0.0 : 100.0 * (_gains.Value / total);
    }

    /// <inheritdoc />
    public void Reset()
    {
        _gains.Reset();
        _losses.Reset();
        _previous = double.NaN;
        Value = double.NaN;
    }
}
