namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>Where a paper bot's bars come from.</summary>
public enum FeedKind
{
    /// <summary>A seeded synthetic market (<see cref="Feeds.SyntheticFeed"/>).</summary>
    Synthetic,

    /// <summary>Recorded bars from files (<see cref="Feeds.ReplayFeed"/>).</summary>
    Replay,
}
