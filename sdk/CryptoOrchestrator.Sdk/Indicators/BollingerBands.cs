namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Bollinger bands: <see cref="Middle"/> is the simple average of the last <c>period</c> values,
/// <see cref="Upper"/> and <see cref="Lower"/> lie <c>deviations</c> population standard
/// deviations above and below it (TA-Lib's BBANDS with an SMA). <see cref="Value"/> is the middle band.
/// </summary>
public sealed class BollingerBands : IIndicator
{
    private readonly RollingMoments _moments;
    private readonly double _deviations;

    /// <summary>Creates bands over <paramref name="period"/> values, <paramref name="deviations"/> standard deviations wide (usually 20 and 2).</summary>
    public BollingerBands(int period, double deviations)
    {
        if (!(deviations >= 0) || double.IsInfinity(deviations))
        {
            throw new ArgumentOutOfRangeException(nameof(deviations), deviations, "The band width must be a finite number of standard deviations, at least 0.");
        }

        _moments = new RollingMoments(period);
        _deviations = deviations;
    }

    /// <inheritdoc />
    public bool IsReady => _moments.IsFull;

    /// <summary>The middle band (the simple moving average).</summary>
    public double Value => Middle;

    /// <summary>The simple moving average.</summary>
    public double Middle { get; private set; } = double.NaN;

    /// <summary>The middle band plus the band width.</summary>
    public double Upper { get; private set; } = double.NaN;

    /// <summary>The middle band minus the band width.</summary>
    public double Lower { get; private set; } = double.NaN;

    /// <inheritdoc />
    public int WarmupPeriod => _moments.Period;

    /// <summary>Adds one value (usually a close). Allocation-free, amortised O(1): runs on the per-bar hot path.</summary>
    public void Update(double value)
    {
        _moments.Push(value);
        if (!_moments.IsFull)
        {
            return;
        }

        var width = Math.Sqrt(_moments.PopulationVariance) * _deviations;
        Middle = _moments.Mean;
        Upper = Middle + width;
        Lower = Middle - width;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _moments.Clear();
        Middle = double.NaN;
        Upper = double.NaN;
        Lower = double.NaN;
    }
}
