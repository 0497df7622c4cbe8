namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// A recursive average seeded by the simple average of its first <c>period</c> values, in
/// TA-Lib's arithmetic step for step, so EMA, RSI and ATR reproduce its values to the last bit:
/// exponential smoothing as ((x - prev) × 2 / (period + 1)) + prev, Wilder's smoothing as
/// ((prev × (period - 1)) + x) / period.
/// </summary>
internal sealed class SeededAverage
{
    private readonly bool _wilder;
    private readonly double _smoothing;
    private int _count;
    private double _seedSum;

    private SeededAverage(int period, bool wilder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _wilder = wilder;
        _smoothing = 2.0 / (period + 1);
    }

    public int Period { get; }

    public bool IsReady => _count == Period;

    /// <summary>Meaningful once <see cref="IsReady"/>.</summary>
    public double Value { get; private set; }

    public static SeededAverage Exponential(int period) => new(period, wilder: false);

    public static SeededAverage Wilder(int period) => new(period, wilder: true);

    public void Update(double value)
    {
        if (_count < Period)
        {
            // Summed in arrival order and divided once, as TA-Lib forms its seed.
            _seedSum += value;
            if (++_count == Period)
            {
                Value = _seedSum / Period;
            }

            return;
        }

        Value = _wilder ? ((Value * (Period - 1)) + value) / Period : ((value - Value) * _smoothing) + Value;
    }

    public void Reset()
    {
        _count = 0;
        _seedSum = 0;
        Value = 0;
    }
}
