using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Runtime.Feeds;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>A paper bot's market data: a replay of files or a synthetic market, and how fast it plays.</summary>
public sealed record FeedDefinition
{
    /// <summary>Synthetic (the default) or replay.</summary>
    public FeedKind Kind { get; init; } = FeedKind.Synthetic;

    /// <summary>A multiple of real time (<c>60</c> plays an hour in a minute) or <c>max</c> (<see cref="FeedSpeed.Syntax"/>).</summary>
    public string Speed { get; init; } = "1";

    /// <summary>Replay: the bar files, one per instrument; the symbol is the file name before its first '-' (BTCUSDT-1m.csv).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Replay: what to do with gaps in a file.</summary>
    public GapPolicy Gaps { get; init; } = GapPolicy.Warn;

    /// <summary>Synthetic: the seed; the same seed gives the same bars.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Synthetic: the bar interval, as <c>500ms</c>, <c>30s</c>, <c>1m</c>, <c>4h</c> or <c>1d</c>.</summary>
    public string Interval { get; init; } = "1m";

    /// <summary>Synthetic: bars per instrument; none for a market that never closes.</summary>
    public int? Bars { get; init; }

    /// <summary>Synthetic: every instrument's first price.</summary>
    public decimal StartPrice { get; init; } = 100m;

    /// <summary>Synthetic: the first bar's open time, Unix ms; 2024-01-01T00:00:00Z when null.</summary>
    public long? StartTime { get; init; }
}
