namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Creates indicators for a plugin. The factory is virtual so a host or a test can hand out
/// instrumented indicators; creating them with <c>new</c> is equally valid.
/// </summary>
public class IndicatorFactory
{
    /// <summary>Simple moving average over <paramref name="period"/> values.</summary>
    public virtual Sma Sma(int period) => new(period);

    /// <summary>Exponential moving average over <paramref name="period"/> values, seeded by their simple average.</summary>
    public virtual Ema Ema(int period) => new(period);

    /// <summary>Linearly weighted moving average over <paramref name="period"/> values.</summary>
    public virtual Wma Wma(int period) => new(period);

    /// <summary>Wilder's relative strength index over <paramref name="period"/> changes.</summary>
    public virtual Rsi Rsi(int period) => new(period);

    /// <summary>MACD line, signal and histogram (usually 12, 26, 9).</summary>
    public virtual Macd Macd(int fastPeriod, int slowPeriod, int signalPeriod) => new(fastPeriod, slowPeriod, signalPeriod);

    /// <summary>Wilder's average true range over <paramref name="period"/> bars.</summary>
    public virtual Atr Atr(int period) => new(period);

    /// <summary>Bollinger bands over <paramref name="period"/> values, <paramref name="deviations"/> population standard deviations wide.</summary>
    public virtual BollingerBands BollingerBands(int period, double deviations) => new(period, deviations);

    /// <summary>Stochastic oscillator %K over <paramref name="kPeriod"/> bars (smoothed over <paramref name="kSmoothing"/>) and %D over <paramref name="dPeriod"/>.</summary>
    public virtual Stochastic Stochastic(int kPeriod, int dPeriod, int kSmoothing = 1) => new(kPeriod, dPeriod, kSmoothing);

    /// <summary>Rate of change in percent over <paramref name="period"/> updates.</summary>
    public virtual Roc Roc(int period) => new(period);

    /// <summary>Population standard deviation of the last <paramref name="period"/> values.</summary>
    public virtual StandardDeviation StandardDeviation(int period) => new(period);

    /// <summary>Volume-weighted average price: cumulative until reset when <paramref name="window"/> is 0, else rolling over that many bars.</summary>
    public virtual Vwap Vwap(int window = 0) => new(window);

    /// <summary>On-balance volume.</summary>
    public virtual Obv Obv() => new();
}
