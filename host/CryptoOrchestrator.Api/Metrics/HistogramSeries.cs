namespace CryptoOrchestrator.Api.Metrics;

/// <summary>One histogram time series: a count per bucket (upper bounds inclusive) and the sum, updated from any thread.</summary>
internal sealed class HistogramSeries
{
    private readonly double[] _bounds;
    private readonly long[] _buckets;
    private readonly ScalarSeries _sum = new(cumulative: true);

    public HistogramSeries(double[] bounds)
    {
        _bounds = bounds;
        _buckets = new long[bounds.Length + 1];
    }

    public void Record(double measurement)
    {
        var bucket = Array.BinarySearch(_bounds, measurement);
        Interlocked.Increment(ref _buckets[bucket >= 0 ? bucket : ~bucket]);
        _sum.Record(measurement);
    }

    /// <summary>Cumulative counts per upper bound, as Prometheus wants them, ending with +Inf.</summary>
    public IEnumerable<(double UpperBound, long Count)> Cumulative()
    {
        long running = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            running += Interlocked.Read(ref _buckets[i]);
            yield return (i < _bounds.Length ? _bounds[i] : double.PositiveInfinity, running);
        }
    }

    public double Sum => _sum.Value;
}
