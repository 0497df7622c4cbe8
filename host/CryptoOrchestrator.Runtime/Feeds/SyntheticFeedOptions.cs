using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Feeds;

/// <summary>What a <see cref="SyntheticFeed"/> makes and how fast it plays; equal options give identical bars.</summary>
public sealed record SyntheticFeedOptions
{
    /// <summary>Seeds every instrument's walk (each instrument gets its own stream derived from it and its symbol).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Bar length in milliseconds: one bar per instrument per interval of market time.</summary>
    public long IntervalMs { get; init; } = 60_000;

    /// <summary>Bars per instrument; null for a feed that never ends.</summary>
    public int? Bars { get; init; }

    /// <summary>How fast market time passes.</summary>
    public FeedSpeed Speed { get; init; } = FeedSpeed.AsFastAsPossible;

    /// <summary>Every instrument's first open, rounded to its tick.</summary>
    public Price StartPrice { get; init; } = Price.FromDecimal(100m);

    /// <summary>The first bar's open time, Unix ms (default 2024-01-01T00:00:00Z).</summary>
    public long StartTime { get; init; } = 1_704_067_200_000;

    /// <summary>The market regimes the walk moves between.</summary>
    public IReadOnlyList<MarketRegime> Regimes { get; init; } = MarketRegime.Defaults;
}
