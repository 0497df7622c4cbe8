namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Moving average convergence/divergence: <see cref="Value"/> is the fast EMA minus the slow EMA,
/// <see cref="Signal"/> an EMA of that line and <see cref="Histogram"/> their difference.
/// Follows TA-Lib's MACD exactly: the fast EMA is seeded on the same bar as the slow one (by
/// the simple average of the <c>fast</c> values ending there, not of the first <c>fast</c>
/// values), and all three outputs appear together once the signal line is seeded, after
/// <c>slow + signal - 1</c> values.
/// </summary>
public sealed class Macd : IIndicator
{
    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Ema _signal;
    private readonly int _fastStartsAfter;
    private int _seen;

    /// <summary>Creates a MACD; <paramref name="fastPeriod"/> must be shorter than <paramref name="slowPeriod"/>.</summary>
    /// <param name="fastPeriod">Values in the fast EMA, usually 12.</param>
    /// <param name="slowPeriod">Values in the slow EMA, usually 26.</param>
    /// <param name="signalPeriod">Values of the MACD line in the signal EMA, usually 9.</param>
    public Macd(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalPeriod, 1);
        if (slowPeriod <= fastPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(slowPeriod), slowPeriod, $"The slow period must be longer than the fast period ({fastPeriod}).");
        }

        _fast = new Ema(fastPeriod);
        _slow = new Ema(slowPeriod);
        _signal = new Ema(signalPeriod);
        _fastStartsAfter = slowPeriod - fastPeriod;
    }

    /// <inheritdoc />
    public bool IsReady => _signal.IsReady;

    /// <summary>The MACD line: fast EMA minus slow EMA.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>The signal line: an EMA of the MACD line.</summary>
    public double Signal { get; private set; } = double.NaN;

    /// <summary>The MACD line minus the signal line.</summary>
    public double Histogram { get; private set; } = double.NaN;

    /// <inheritdoc />
    public int WarmupPeriod => _slow.WarmupPeriod + _signal.WarmupPeriod - 1;

    /// <summary>Adds one value (usually a close). Allocation-free: runs on the per-bar hot path.</summary>
    public void Update(double value)
    {
        _slow.Update(value);
        if (_seen < _fastStartsAfter)
        {
            // Held back so that the fast EMA's seed window ends on the slow EMA's seed bar.
            _seen++;
        }
        else
        {
            _fast.Update(value);
        }

        if (!_slow.IsReady)
        {
            return;
        }

        var line = _fast.Value - _slow.Value;
        _signal.Update(line);
        if (_signal.IsReady)
        {
            Value = line;
            Signal = _signal.Value;
            Histogram = line - _signal.Value;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        _seen = 0;
        Value = double.NaN;
        Signal = double.NaN;
        Histogram = double.NaN;
    }
}
