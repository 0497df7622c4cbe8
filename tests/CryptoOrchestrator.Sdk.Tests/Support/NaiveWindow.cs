namespace CryptoOrchestrator.Sdk.Tests.Support;

/// <summary>Straightforward recomputations over a whole window, the reference the streaming indicators must agree with.</summary>
internal static class NaiveWindow
{
    /// <summary>Applies <paramref name="statistic"/> to the window of <paramref name="period"/> values ending at each row; NaN before the first full window.</summary>
    public static double[] Rolling(double[] values, int period, Func<ReadOnlySpan<double>, double> statistic)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = i + 1 < period ? double.NaN : statistic(values.AsSpan(i + 1 - period, period));
        }

        return result;
    }

    public static double Mean(ReadOnlySpan<double> window)
    {
        var sum = 0.0;
        foreach (var x in window)
        {
            sum += x;
        }

        return sum / window.Length;
    }

    public static double PopulationStandardDeviation(ReadOnlySpan<double> window)
    {
        var mean = Mean(window);
        var squares = 0.0;
        foreach (var x in window)
        {
            squares += (x - mean) * (x - mean);
        }

        return Math.Sqrt(squares / window.Length);
    }
}
