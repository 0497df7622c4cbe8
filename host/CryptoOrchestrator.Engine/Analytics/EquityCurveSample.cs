namespace CryptoOrchestrator.Engine.Analytics;

/// <summary>
/// An equity curve of any length in a fixed number of points: every <c>stride</c>-th bar from the first, plus the
/// latest bar. When the points fill up, every other one is dropped in place and the stride doubles, so the sample
/// always spans the whole run evenly, at a resolution that halves as the run doubles. Allocation-free after construction.
/// </summary>
internal sealed class EquityCurveSample
{
    private readonly EquityPoint[] _points;
    private long _stride = 1;
    private long _bars;
    private int _sampled;
    private bool _latestPending;

    /// <param name="capacity">Points kept at most, the latest bar's included; even, at least 2.</param>
    public EquityCurveSample(int capacity)
    {
        if (capacity < 2 || capacity % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The curve keeps an even number of points, at least 2.");
        }

        _points = new EquityPoint[capacity];
    }

    /// <summary>Bars between two kept points (a power of two).</summary>
    public long Stride => _stride;

    /// <summary>The kept points in time order, the latest bar last.</summary>
    public ReadOnlySpan<EquityPoint> Points => _points.AsSpan(0, _sampled + (_latestPending ? 1 : 0));

    public void Add(EquityPoint point)
    {
        var index = _bars++;
        if (index % _stride != 0)
        {
            // Held beside the sample until a later bar replaces it or the sample reaches it.
            _points[_sampled] = point;
            _latestPending = true;
            return;
        }

        _points[_sampled++] = point;
        _latestPending = false;
        if (_sampled == _points.Length)
        {
            Halve(point);
        }
    }

    /// <summary>Keeps every other point (bars on the doubled stride); the point just sampled, now off it, stays as the latest.</summary>
    private void Halve(EquityPoint latest)
    {
        for (var i = 1; i < _points.Length / 2; i++)
        {
            _points[i] = _points[2 * i];
        }

        _sampled = _points.Length / 2;
        _stride *= 2;
        _points[_sampled] = latest;
        _latestPending = true;
    }
}
