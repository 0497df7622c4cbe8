namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Mean and population variance of the latest values in amortised O(1), accurate to about 1e-9
/// relative at any price level.
/// A rolling sum of squares would subtract two numbers near n × price² (about 10^10 for BTC) to
/// find a variance that can be a few units: most digits cancel. Welford's update, adapted to a
/// sliding window, works with deviations from the mean instead. What rounding it still makes is
/// about machine epsilon × |step| × price level per update; that bound is accumulated, and when
/// the sum of squared deviations falls too close to it (a spike has just left the window), and in
/// any case once per window turnover, mean and variance are recomputed exactly in two passes.
/// A window holding one repeated value is set to its exact state at once, so a flat market reads
/// exactly zero. The recomputation after a collapse is rare on market data; only a deviation
/// below a few millionths of the price level makes it frequent, and then it is what keeps the digits.
/// </summary>
internal sealed class RollingMoments
{
    // Rounding error is a few 1e-16 × _roundingScale, so staying above 1e-6 of it keeps the sum
    // of squares within about 1e-9 relative; below, the exact recomputation takes over.
    private const double PrecisionGuard = 1e-6;

    private readonly RingWindow<double> _window;
    private double _sumOfSquaredDeviations;
    private double _roundingScale;
    private int _sinceExact;
    private int _equalRun;
    private double _latest = double.NaN;

    public RollingMoments(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new RingWindow<double>(period);
    }

    public int Period => _window.Capacity;

    public bool IsFull => _window.IsFull;

    public double Mean { get; private set; }

    /// <summary>Σ(x - mean)² / n over the window; never negative.</summary>
    public double PopulationVariance => Math.Max(0.0, _sumOfSquaredDeviations / _window.Count);

    public void Push(double value)
    {
        _equalRun = value == _latest ? Math.Min(_equalRun + 1, _window.Capacity) : 1;
        _latest = value;
        var wasFull = _window.IsFull;
        var evicted = _window.Push(value);
        if (_equalRun == _window.Count)
        {
            SetExactly(value, 0.0);
            return;
        }

        if (!wasFull)
        {
            var delta = value - Mean;
            var previousMean = Mean;
            Mean += delta / _window.Count;
            AddToSumOfSquares(delta * (value - Mean), Math.Abs(delta) * (Math.Abs(value) + Math.Abs(previousMean)));
            return;
        }

        if (++_sinceExact == _window.Capacity)
        {
            RecomputeExactly();
            return;
        }

        var step = value - evicted;
        var meanBefore = Mean;
        Mean += step / _window.Count;
        AddToSumOfSquares(
            step * (value - Mean + evicted - meanBefore),
            Math.Abs(step) * (Math.Abs(value) + Math.Abs(evicted) + Math.Abs(Mean) + Math.Abs(meanBefore)));
        if (_sumOfSquaredDeviations < _roundingScale * PrecisionGuard)
        {
            RecomputeExactly();
        }
    }

    public void Clear()
    {
        _window.Clear();
        SetExactly(0.0, 0.0);
        _equalRun = 0;
        _latest = double.NaN;
    }

    /// <summary>Adds one Welford term and the size of the numbers it was computed from, which bounds its rounding.</summary>
    private void AddToSumOfSquares(double term, double operandScale)
    {
        _sumOfSquaredDeviations += term;
        _roundingScale += operandScale;
    }

    private void SetExactly(double mean, double sumOfSquaredDeviations)
    {
        Mean = mean;
        _sumOfSquaredDeviations = sumOfSquaredDeviations;
        _roundingScale = sumOfSquaredDeviations;
        _sinceExact = 0;
    }

    private void RecomputeExactly()
    {
        var sum = 0.0;
        for (var age = 0; age < _window.Count; age++)
        {
            sum += _window[age];
        }

        var mean = sum / _window.Count;
        var squares = 0.0;
        for (var age = 0; age < _window.Count; age++)
        {
            var deviation = _window[age] - mean;
            squares += deviation * deviation;
        }

        SetExactly(mean, squares);
    }
}
