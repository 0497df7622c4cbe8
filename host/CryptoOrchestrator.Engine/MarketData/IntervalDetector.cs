using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>Finds a series' bar interval: the most common step between consecutive open times.</summary>
internal static class IntervalDetector
{
    /// <summary>The most common positive step (the smaller one on a tie), or 0 with fewer than two bars.</summary>
    public static long MostCommonStep(ReadOnlySpan<Bar> bars)
    {
        var counts = new Dictionary<long, int>();
        for (var i = 1; i < bars.Length; i++)
        {
            var step = bars[i].OpenTime - bars[i - 1].OpenTime;
            counts[step] = counts.GetValueOrDefault(step) + 1;
        }

        long best = 0;
        var bestCount = 0;
        foreach (var (step, count) in counts)
        {
            if (count > bestCount || (count == bestCount && step < best))
            {
                best = step;
                bestCount = count;
            }
        }

        return best;
    }
}
