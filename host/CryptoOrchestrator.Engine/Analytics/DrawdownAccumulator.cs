namespace CryptoOrchestrator.Engine.Analytics;

/// <summary>
/// <see cref="DrawdownStatistics"/> folded in one bar at a time, so a curve need not be kept to measure it: the whole
/// curve's pass and a live bot's running figures are the same arithmetic in the same order, hence the same doubles.
/// Allocation-free.
/// </summary>
internal struct DrawdownAccumulator(decimal initialEquity)
{
    private decimal _peak = initialEquity;
    private int _peakIndex;
    private long _peakTime;
    private int _bars;
    private long _lastTime;
    private bool _underwater;
    private double _trough;
    private double _maxDrawdown;
    private int _maxBars;
    private long _maxMs;
    private double _troughSum;
    private int _periods;

    public void Add(EquityPoint point)
    {
        var index = _bars++;
        if (index == 0)
        {
            // The initial equity is the first peak, placed at the first bar.
            _peakTime = point.Time;
        }

        _lastTime = point.Time;
        if (point.Equity >= _peak)
        {
            if (_underwater)
            {
                ClosePeriod(index, point.Time);
            }

            _peak = point.Equity;
            _peakIndex = index;
            _peakTime = point.Time;
            return;
        }

        // A statistic: double division, as a decimal one per bar would cost more than the backtest itself.
        var depth = (double)(_peak - point.Equity) / (double)_peak;
        _trough = _underwater ? Math.Max(_trough, depth) : depth;
        _underwater = true;
        _maxDrawdown = Math.Max(_maxDrawdown, depth);
    }

    /// <summary>The statistics so far, a period still open counted as ending at the last bar; the accumulator goes on unchanged.</summary>
    public readonly DrawdownStatistics Result()
    {
        if (_bars == 0)
        {
            return default;
        }

        var closed = this;
        if (closed._underwater)
        {
            closed.ClosePeriod(_bars - 1, _lastTime);
        }

        return new DrawdownStatistics(
            closed._maxDrawdown, closed._maxBars, closed._maxMs, closed._periods == 0 ? 0d : closed._troughSum / closed._periods, closed._periods);
    }

    private void ClosePeriod(int recoveryIndex, long recoveryTime)
    {
        _periods++;
        _troughSum += _trough;
        _maxBars = Math.Max(_maxBars, recoveryIndex - _peakIndex);
        _maxMs = Math.Max(_maxMs, recoveryTime - _peakTime);
        _underwater = false;
    }
}
