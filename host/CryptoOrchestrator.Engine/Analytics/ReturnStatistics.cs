namespace CryptoOrchestrator.Engine.Analytics;

/// <summary>
/// Moments of the per-bar simple returns of an equity curve, the first return measured from the
/// initial equity. Every moment is NaN when there are no bars, or when some bar follows a
/// non-positive equity, where a simple return means nothing.
/// </summary>
/// <param name="Mean">Mean per-bar return.</param>
/// <param name="SampleStdDev">Sample standard deviation (n − 1); NaN below two bars.</param>
/// <param name="DownsideDeviation">√(Σ min(r, 0)² / n): target 0, over all bars.</param>
internal readonly record struct ReturnStatistics(double Mean, double SampleStdDev, double DownsideDeviation)
{
    private static readonly ReturnStatistics Undefined = new(double.NaN, double.NaN, double.NaN);

    public static ReturnStatistics Of(ReadOnlySpan<EquityPoint> curve, decimal initialEquity)
    {
        var n = curve.Length;
        if (n == 0)
        {
            return Undefined;
        }

        // Each return is formed once (a decimal division), then both passes read doubles.
        var returns = new double[n];
        var sum = 0d;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var previous = initialEquity;
        for (var i = 0; i < n; i++)
        {
            if (previous <= 0m)
            {
                return Undefined;
            }

            var r = SimpleReturn(previous, curve[i].Equity);
            returns[i] = r;
            sum += r;
            min = Math.Min(min, r);
            max = Math.Max(max, r);
            previous = curve[i].Equity;
        }

        var mean = sum / n;
        var squaredDeviations = 0d;
        var squaredShortfalls = 0d;
        foreach (var r in returns)
        {
            squaredDeviations += (r - mean) * (r - mean);
            var shortfall = Math.Min(r, 0d);
            squaredShortfalls += shortfall * shortfall;
        }

        // Identical returns have no spread by definition; the two-pass sum may still leave a few ulps.
        var sampleStd = n < 2 ? double.NaN : min == max ? 0d : Math.Sqrt(squaredDeviations / (n - 1));
        return new ReturnStatistics(mean, sampleStd, Math.Sqrt(squaredShortfalls / n));
    }

    /// <summary>The return in decimal first, so round figures (100 to 110) give exactly 0.1.</summary>
    public static double SimpleReturn(decimal from, decimal to) => (double)((to - from) / from);
}
