namespace CryptoOrchestrator.Engine.Analytics;

/// <summary>
/// <see cref="ReturnStatistics"/> folded in one bar at a time, for a curve too long to keep. The mean and the downside
/// deviation are the same sums in the same order as the whole curve's pass (the same doubles); the spread is Welford's
/// running one, which agrees with the two-pass figure to rounding. Allocation-free.
/// </summary>
internal struct ReturnAccumulator(decimal initialEquity)
{
    private decimal _previous = initialEquity;
    private bool _undefined;
    private long _count;
    private double _sum;
    private double _runningMean;
    private double _squaredDeviations;
    private double _squaredShortfalls;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    public void Add(decimal equity)
    {
        if (_undefined || _previous <= 0m)
        {
            // A return after a non-positive equity means nothing, and neither does any statistic that includes it.
            _undefined = true;
            return;
        }

        var r = ReturnStatistics.SimpleReturn(_previous, equity);
        _previous = equity;
        _count++;
        _sum += r;
        _min = Math.Min(_min, r);
        _max = Math.Max(_max, r);
        var delta = r - _runningMean;
        _runningMean += delta / _count;
        _squaredDeviations += delta * (r - _runningMean);
        var shortfall = Math.Min(r, 0d);
        _squaredShortfalls += shortfall * shortfall;
    }

    public readonly ReturnStatistics Result()
    {
        if (_undefined || _count == 0)
        {
            return new ReturnStatistics(double.NaN, double.NaN, double.NaN);
        }

        var sampleStd = _count < 2 ? double.NaN : _min == _max ? 0d : Math.Sqrt(_squaredDeviations / (_count - 1));
        return new ReturnStatistics(_sum / _count, sampleStd, Math.Sqrt(_squaredShortfalls / _count));
    }
}
