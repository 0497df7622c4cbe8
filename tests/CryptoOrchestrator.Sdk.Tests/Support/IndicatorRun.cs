using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;

namespace CryptoOrchestrator.Sdk.Tests.Support;

/// <summary>What an indicator reported after each bar of a series: readiness and each named output.</summary>
internal sealed class IndicatorRun
{
    private IndicatorRun(bool[] ready, double[][] outputs)
    {
        Ready = ready;
        Outputs = outputs;
    }

    public bool[] Ready { get; }

    public double[][] Outputs { get; }

    /// <summary>Feeds every bar through <paramref name="update"/> and reads <paramref name="outputs"/> (or Value) after each.</summary>
    public static IndicatorRun Over(Bar[] bars, IIndicator indicator, Action<Bar> update, params Func<double>[] outputs)
    {
        if (outputs.Length == 0)
        {
            outputs = [() => indicator.Value];
        }

        var ready = new bool[bars.Length];
        var values = outputs.Select(_ => new double[bars.Length]).ToArray();
        for (var i = 0; i < bars.Length; i++)
        {
            update(bars[i]);
            ready[i] = indicator.IsReady;
            for (var o = 0; o < outputs.Length; o++)
            {
                values[o][i] = outputs[o]();
            }
        }

        return new IndicatorRun(ready, values);
    }

    /// <summary>Index of the first bar after which the indicator was ready, or -1.</summary>
    public int FirstReady => Array.IndexOf(Ready, true);
}
