using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Stochastic oscillator, 0 to 100. Raw %K = 100 × (close - lowest low) / (highest high - lowest low)
/// over <c>kPeriod</c> bars; <see cref="K"/> is its simple average over <c>kSmoothing</c> bars
/// (1 gives the fast stochastic, 3 the usual slow one) and <see cref="D"/> the simple average of
/// <see cref="K"/> over <c>dPeriod</c> bars, as in TA-Lib's STOCH with SMAs. Both appear together,
/// after <c>kPeriod + kSmoothing + dPeriod - 2</c> bars. A range of zero width gives a raw %K of 0, as in TA-Lib.
/// <see cref="Value"/> is <see cref="K"/>.
/// </summary>
public sealed class Stochastic : IIndicator
{
    private readonly RollingExtreme _highest;
    private readonly RollingExtreme _lowest;
    private readonly Sma _smoothing;
    private readonly Sma _signal;

    /// <summary>Creates a stochastic oscillator.</summary>
    /// <param name="kPeriod">Bars whose range %K measures against (at least 1), usually 14.</param>
    /// <param name="dPeriod">Values of %K averaged into %D (at least 1), usually 3.</param>
    /// <param name="kSmoothing">Values of raw %K averaged into %K (at least 1).</param>
    public Stochastic(int kPeriod, int dPeriod, int kSmoothing = 1)
    {
        _highest = new RollingExtreme(kPeriod, keepsMaximum: true);
        _lowest = new RollingExtreme(kPeriod, keepsMaximum: false);
        _smoothing = new Sma(kSmoothing);
        _signal = new Sma(dPeriod);
    }

    /// <inheritdoc />
    public bool IsReady => _signal.IsReady;

    /// <summary>%K, the primary output.</summary>
    public double Value => K;

    /// <summary>%K: where the close stands in the recent range, smoothed.</summary>
    public double K { get; private set; } = double.NaN;

    /// <summary>%D: the average of %K.</summary>
    public double D { get; private set; } = double.NaN;

    /// <inheritdoc />
    public int WarmupPeriod => _highest.Period + _smoothing.WarmupPeriod + _signal.WarmupPeriod - 2;

    /// <summary>Adds one bar. Allocation-free, amortised O(1): runs on the per-bar hot path.</summary>
    public void Update(in Bar bar)
    {
        _highest.Push(bar.High.ToDouble());
        _lowest.Push(bar.Low.ToDouble());
        if (!_highest.IsFull)
        {
            return;
        }

        var range = _highest.Value - _lowest.Value;
        _smoothing.Update(range != 0 ? 100.0 * (bar.Close.ToDouble() - _lowest.Value) / range : 0.0);
        if (!_smoothing.IsReady)
        {
            return;
        }

        _signal.Update(_smoothing.Value);
        if (_signal.IsReady)
        {
            K = _smoothing.Value;
            D = _signal.Value;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _highest.Clear();
        _lowest.Clear();
        _smoothing.Reset();
        _signal.Reset();
        K = double.NaN;
        D = double.NaN;
    }
}
