using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Average true range with Wilder's smoothing, seeded by the simple average of the first
/// <c>period</c> true ranges (TA-Lib's ATR). The first bar has no previous close and so no true
/// range: the indicator needs <c>period + 1</c> bars.
/// </summary>
public sealed class Atr : IIndicator
{
    private readonly SeededAverage _average;
    private double _previousClose = double.NaN;

    /// <summary>Creates an ATR over <paramref name="period"/> true ranges (at least 1).</summary>
    public Atr(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _average = SeededAverage.Wilder(period);
    }

    /// <inheritdoc />
    public bool IsReady => _average.IsReady;

    /// <inheritdoc />
    public double Value { get; private set; } = double.NaN;

    /// <inheritdoc />
    public int WarmupPeriod => _average.Period + 1;

    /// <summary>The latest true range: max(high - low, |high - previous close|, |low - previous close|); NaN on the first bar.</summary>
    public double TrueRange { get; private set; } = double.NaN;

    /// <summary>Adds one bar. Allocation-free: runs on the per-bar hot path.</summary>
    public void Update(in Bar bar)
    {
        var high = bar.High.ToDouble();
        var low = bar.Low.ToDouble();
        var previousClose = _previousClose;
        _previousClose = bar.Close.ToDouble();
        if (double.IsNaN(previousClose))
        {
            return;
        }

        TrueRange = Math.Max(high - low, Math.Max(Math.Abs(previousClose - high), Math.Abs(previousClose - low)));
        _average.Update(TrueRange);
        if (_average.IsReady)
        {
            Value = _average.Value;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _average.Reset();
        _previousClose = double.NaN;
        TrueRange = double.NaN;
        Value = double.NaN;
    }
}
