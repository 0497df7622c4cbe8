namespace CryptoOrchestrator.Host.Bench;

/// <summary>Nearest-rank percentiles of sorted samples, as every bench reports them.</summary>
internal static class Percentiles
{
    /// <summary>The sample at <paramref name="quantile"/> (0–1) of <paramref name="sorted"/>, ascending.</summary>
    public static double Of(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * quantile) - 1, 0, sorted.Length - 1)];

    /// <summary>The median of <paramref name="values"/>, in any order (the upper one of an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
