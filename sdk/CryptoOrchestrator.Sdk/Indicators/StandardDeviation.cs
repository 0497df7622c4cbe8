namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Population standard deviation (divided by n, not n - 1, as TA-Lib's STDDEV) of the last
/// <c>period</c> values, numerically stable at any price level.
/// </summary>
public sealed class StandardDeviation : IIndicator
{
    private readonly RollingMoments _moments;

    /// <summary>Creates a deviation over <paramref name="period"/> values (at least 1).</summary>
    public StandardDeviation(int period) => _moments = new RollingMoments(period);

    /// <inheritdoc />
    public bool IsReady => _moments.IsFull;

    /// <inheritdoc />
    public double Value { get; private set; } = double.NaN;

    /// <inheritdoc />
    public int WarmupPeriod => _moments.Period;

    /// <summary>Adds one value. Allocation-free, amortised O(1): runs on the per-bar hot path.</summary>
    public void Update(double value)
    {
        _moments.Push(value);
        if (_moments.IsFull)
        {
            Value = Math.Sqrt(_moments.PopulationVariance);
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _moments.Clear();
        Value = double.NaN;
    }
}
