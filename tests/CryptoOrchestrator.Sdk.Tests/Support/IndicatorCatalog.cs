using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;

namespace CryptoOrchestrator.Sdk.Tests.Support;

/// <summary>Every indicator the SDK ships, with how to feed it a bar and read all of its outputs.</summary>
internal static class IndicatorCatalog
{
    private static readonly Dictionary<string, IndicatorCase> Cases = new[]
    {
        Close("sma", f => f.Sma(20), (i, x) => ((Sma)i).Update(x)),
        Close("ema", f => f.Ema(20), (i, x) => ((Ema)i).Update(x)),
        Close("wma", f => f.Wma(20), (i, x) => ((Wma)i).Update(x)),
        Close("rsi", f => f.Rsi(14), (i, x) => ((Rsi)i).Update(x)),
        Close("macd", f => f.Macd(12, 26, 9), (i, x) => ((Macd)i).Update(x), i => [((Macd)i).Signal, ((Macd)i).Histogram]),
        Close("bollinger", f => f.BollingerBands(20, 2), (i, x) => ((BollingerBands)i).Update(x), i => [((BollingerBands)i).Upper, ((BollingerBands)i).Lower]),
        Close("roc", f => f.Roc(24), (i, x) => ((Roc)i).Update(x)),
        Close("stddev", f => f.StandardDeviation(20), (i, x) => ((StandardDeviation)i).Update(x)),
        Bars("atr", f => f.Atr(14), (i, b) => ((Atr)i).Update(b), i => [((Atr)i).TrueRange]),
        Bars("stochastic", f => f.Stochastic(14, 3, 3), (i, b) => ((Stochastic)i).Update(b), i => [((Stochastic)i).D]),
        Bars("vwap", f => f.Vwap(), (i, b) => ((Vwap)i).Update(b)),
        Bars("vwap-rolling", f => f.Vwap(24), (i, b) => ((Vwap)i).Update(b)),
        Bars("obv", f => f.Obv(), (i, b) => ((Obv)i).Update(b)),
    }.ToDictionary(c => c.Name);

    public static TheoryData<string> Names => [.. Cases.Keys];

    public static IndicatorCase Get(string name) => Cases[name];

    private static IndicatorCase Close(string name, Func<IndicatorFactory, IIndicator> create, Action<IIndicator, double> update, Func<IIndicator, double[]>? more = null) =>
        new(name, create, (i, bar) => update(i, bar.Close.ToDouble()), more);

    private static IndicatorCase Bars(string name, Func<IndicatorFactory, IIndicator> create, Action<IIndicator, Bar> update, Func<IIndicator, double[]>? more = null) =>
        new(name, create, update, more);
}

internal sealed record IndicatorCase(string Name, Func<IndicatorFactory, IIndicator> Create, Action<IIndicator, Bar> Update, Func<IIndicator, double[]>? MoreOutputs)
{
    /// <summary>Value followed by every other output.</summary>
    public double[] Outputs(IIndicator indicator) => [indicator.Value, .. MoreOutputs?.Invoke(indicator) ?? []];
}
