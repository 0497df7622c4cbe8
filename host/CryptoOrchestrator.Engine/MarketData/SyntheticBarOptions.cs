using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>What <see cref="SyntheticBarGenerator"/> produces; equal options and seed give identical bars.</summary>
public sealed record SyntheticBarOptions
{
    /// <summary>Seed of the <see cref="Random"/> that drives everything.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How many bars.</summary>
    public int Count { get; init; } = 1_000;

    /// <summary>The first bar's open, rounded to the instrument's tick.</summary>
    public Price StartPrice { get; init; } = Price.FromDecimal(100m);

    /// <summary>The first bar's open time, Unix ms (default 2024-01-01T00:00:00Z).</summary>
    public long StartTime { get; init; } = 1_704_067_200_000;

    /// <summary>Bar length in milliseconds.</summary>
    public long IntervalMs { get; init; } = 60_000;

    /// <summary>The regimes the market moves between; a single one gives a plain random walk.</summary>
    public IReadOnlyList<MarketRegime> Regimes { get; init; } = MarketRegime.Defaults;

    /// <summary>Index into <see cref="Regimes"/> of the regime of the first bar.</summary>
    public int InitialRegime { get; init; }

    /// <summary>Typical volume of a bar; busier when the price moves more.</summary>
    public Quantity BaseVolume { get; init; } = Quantity.FromWhole(10);
}
