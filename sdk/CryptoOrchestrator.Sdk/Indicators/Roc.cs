namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Rate of change in percent: 100 × (value / value <c>period</c> updates ago - 1), as TA-Lib's ROC.
/// Needs <c>period + 1</c> values. A past value of 0 gives 0, as in TA-Lib.
/// </summary>
public sealed class Roc : IIndicator
{
    private readonly RingWindow<double> _past;

    /// <summary>Creates a rate of change over <paramref name="period"/> updates (at least 1).</summary>
    public Roc(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _past = new RingWindow<double>(period);
    }

    /// <inheritdoc />
    public bool IsReady { get; private set; }

    /// <inheritdoc />
    public double Value { get; private set; } = double.NaN;

    /// <inheritdoc />
    public int WarmupPeriod => _past.Capacity + 1;

    /// <summary>Adds one value (usually a close). Allocation-free: runs on the per-bar hot path.</summary>
    public void Update(double value)
    {
        var wasFull = _past.IsFull;
        var then = _past.Push(value);
        if (!wasFull)
        {
            return;
        }

        IsReady = true;
        Value = then != 0 ? ((value / then) - 1.0) * 100.0 : 0.0;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _past.Clear();
        IsReady = false;
        Value = double.NaN;
    }
}
