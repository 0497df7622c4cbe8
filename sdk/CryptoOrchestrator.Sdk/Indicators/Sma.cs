namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>Simple moving average: the mean of the last <c>period</c> values.</summary>
public sealed class Sma : IIndicator
{
    private readonly RingWindow<double> _window;
    private double _sum;

    /// <summary>Creates an average over <paramref name="period"/> values (at least 1).</summary>
    public Sma(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new RingWindow<double>(period);
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
        _sum += value - _window.Push(value);
        if (_window.IsFull)
        {
            Value = _sum / _window.Capacity;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _window.Clear();
        _sum = 0;
        Value = double.NaN;
    }
}
