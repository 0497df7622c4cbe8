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
        if (curve.IsEmpty)
        {
            return default;
        }

        var peak = initialEquity;
        var peakIndex = 0;
        var underwater = false;
        var trough = 0d;
        var maxDrawdown = 0d;
        var maxBars = 0;
        var maxMs = 0L;
        var troughSum = 0d;
        var periods = 0;

        // One pass; the extra step past the last bar closes a period still open at the end.
        for (var i = 0; i <= curve.Length; i++)
        {
            var atEnd = i == curve.Length;
            if (atEnd || curve[i].Equity >= peak)
            {
                if (underwater)
                {
                    var recovery = atEnd ? i - 1 : i;
                    periods++;
                    troughSum += trough;
                    maxBars = Math.Max(maxBars, recovery - peakIndex);
                    maxMs = Math.Max(maxMs, curve[recovery].Time - curve[peakIndex].Time);
                    underwater = false;
                }

                if (!atEnd)
                {
                    peak = curve[i].Equity;
                    peakIndex = i;
                }

                continue;
            }

            // A statistic: double division, as a decimal one per bar would cost more than the backtest itself.
            var depth = (double)(peak - curve[i].Equity) / (double)peak;
            trough = underwater ? Math.Max(trough, depth) : depth;
            underwater = true;
            maxDrawdown = Math.Max(maxDrawdown, depth);
        }

        return new DrawdownStatistics(maxDrawdown, maxBars, maxMs, periods == 0 ? 0d : troughSum / periods, periods);
    }
}
