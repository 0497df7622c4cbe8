namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// The simple returns of one instrument over a sliding window, from which sizers get volatility.
/// Running sums make both the per-bar push and the standard deviation O(1); the sums are rebuilt
/// from the window every time it turns over, so floating-point drift cannot accumulate.
/// </summary>
internal sealed class ReturnWindow
{
    private readonly double[] _returns;
    private double _previousClose;
    private double _sum;
    private double _sumOfSquares;
    private int _next;
    private int _count;

    /// <summary>Keeps the latest <paramref name="returns"/> returns.</summary>
    public ReturnWindow(int returns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(returns, 2);
        _returns = new double[returns];
    }

    /// <summary>Records a close. Allocation-free: runs on the per-bar hot path.</summary>
    public void Push(double close)
    {
        var previous = _previousClose;
        _previousClose = close;
        if (previous <= 0)
        {
            return;
        }

        var value = (close / previous) - 1;
        var evicted = _count == _returns.Length ? _returns[_next] : 0;
        _returns[_next] = value;
        _sum += value - evicted;
        _sumOfSquares += (value * value) - (evicted * evicted);
        _count = Math.Min(_count + 1, _returns.Length);
        if (++_next == _returns.Length)
        {
            _next = 0;
            Rebuild();
        }
    }

    /// <summary>Population standard deviation of the returns in the window, or 0 until it is full.</summary>
    public double StandardDeviation()
    {
        if (_count < _returns.Length)
        {
            return 0;
        }

        var mean = _sum / _count;
        return Math.Sqrt(Math.Max(0, (_sumOfSquares / _count) - (mean * mean)));
    }

    private void Rebuild()
    {
        double sum = 0;
        double squares = 0;
        for (var i = 0; i < _count; i++)
        {
            sum += _returns[i];
            squares += _returns[i] * _returns[i];
        }

        _sum = sum;
        _sumOfSquares = squares;
    }
}
