namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Linearly weighted moving average: the newest of the last <c>period</c> values weighs
/// <c>period</c>, the oldest 1, divided by period × (period + 1) / 2 (TA-Lib's WMA).
/// </summary>
public sealed class Wma : IIndicator
{
    private readonly RingWindow<double> _window;
    private readonly double _weightTotal;
    private double _sum;
    private double _weightedSum;

    /// <summary>Creates an average over <paramref name="period"/> values (at least 1).</summary>
    public Wma(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new RingWindow<double>(period);
        _weightTotal = period * (period + 1.0) / 2.0;
    }

    /// <inheritdoc />
    public bool IsReady => _window.IsFull;

    /// <inheritdoc />
    public double Value { get; private set; } = double.NaN;

    /// <inheritdoc />
    public int WarmupPeriod => _window.Capacity;

    /// <summary>Adds one value. Allocation-free: runs on the per-bar hot path.</summary>
    public void Update(double value)
    {
        if (_window.IsFull)
        {
            // Every value already in the window loses one unit of weight: subtract their plain sum.
            _weightedSum += (_window.Capacity * value) - _sum;
            _sum += value - _window.Push(value);
            Value = _weightedSum / _weightTotal;
            return;
        }

        _window.Push(value);
        _weightedSum += _window.Count * value;
        _sum += value;
        if (_window.IsFull)
        {
            Value = _weightedSum / _weightTotal;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _window.Clear();
        _sum = 0;
        _weightedSum = 0;
        Value = double.NaN;
    }
}
