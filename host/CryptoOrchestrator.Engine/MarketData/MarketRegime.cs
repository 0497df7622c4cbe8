namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>
/// One state of the synthetic market's Markov chain: log-return drift and volatility per bar, and
/// how long the market stays in it on average (the chance of leaving after each bar is 1 / mean).
/// </summary>
/// <param name="Name">A label, e.g. "bull".</param>
/// <param name="DriftPerBar">Mean log return per bar (0.0002 = about +0.02% a bar).</param>
/// <param name="VolatilityPerBar">Standard deviation of the log return per bar.</param>
/// <param name="MeanDurationBars">Average stay in bars, at least 1.</param>
public sealed record MarketRegime(string Name, double DriftPerBar, double VolatilityPerBar, double MeanDurationBars)
{
    /// <summary>Rising, moderately volatile.</summary>
    public static MarketRegime Bull { get; } = new("bull", 0.0004, 0.004, 400);

    /// <summary>Falling faster than a bull market rises, and more volatile.</summary>
    public static MarketRegime Bear { get; } = new("bear", -0.0005, 0.007, 250);

    /// <summary>No drift, quiet.</summary>
    public static MarketRegime Sideways { get; } = new("sideways", 0, 0.0025, 600);

    /// <summary>Bull, bear and sideways, in that order.</summary>
    public static IReadOnlyList<MarketRegime> Defaults { get; } = [Bull, Bear, Sideways];
}
