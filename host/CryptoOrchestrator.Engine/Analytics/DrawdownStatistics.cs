namespace CryptoOrchestrator.Engine.Analytics;

/// <summary>
/// Drawdowns of an equity curve against its running peak, the initial equity counting as the
/// first peak (placed at the first bar). A drawdown period runs from its peak bar to the first bar
/// back at or above the peak, or to the last bar when it never recovers.
/// </summary>
/// <param name="MaxDrawdown">Deepest fall below a peak, as a positive fraction of the peak.</param>
/// <param name="MaxDurationBars">Longest period in bars (recovery index − peak index).</param>
/// <param name="MaxDurationMs">Longest period in time (recovery time − peak time).</param>
/// <param name="AverageDrawdown">Mean of the periods' deepest points, as positive fractions; 0 with no period.</param>
/// <param name="Periods">Number of distinct drawdown periods.</param>
internal readonly record struct DrawdownStatistics(double MaxDrawdown, int MaxDurationBars, long MaxDurationMs, double AverageDrawdown, int Periods)
{
    public static DrawdownStatistics Of(ReadOnlySpan<EquityPoint> curve, decimal initialEquity)
    {
        var drawdowns = new DrawdownAccumulator(initialEquity);
        foreach (var point in curve)
        {
            drawdowns.Add(point);
        }

        return drawdowns.Result();
    }
}
