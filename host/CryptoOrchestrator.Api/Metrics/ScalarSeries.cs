namespace CryptoOrchestrator.Api.Metrics;

/// <summary>One counter or gauge time series: a running sum (counters) or the last value (gauges), updated from any thread.</summary>
internal sealed class ScalarSeries(bool cumulative)
{
    private double _value;

    public double Value => Volatile.Read(ref _value);

    public void Record(double measurement)
    {
        if (!cumulative)
        {
            Volatile.Write(ref _value, measurement);
            return;
        }

        // A lock-free add: measurements arrive from many threads at once.
        double seen, sum;
        do
        {
            seen = Volatile.Read(ref _value);
            sum = seen + measurement;
        }
        while (Interlocked.CompareExchange(ref _value, sum, seen) != seen);
    }
}
