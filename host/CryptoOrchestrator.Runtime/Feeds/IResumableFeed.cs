namespace CryptoOrchestrator.Runtime.Feeds;

/// <summary>
/// A feed that can be played again from its start, the same bars each time (a replay, a seeded synthetic market):
/// a restored bot replays the bars it had processed before its checkpoint at once, then the rest at the feed's pace.
/// </summary>
public interface IResumableFeed
{
    /// <summary>Every bar from the first; those closing at or before <paramref name="catchUpThroughMs"/> without waiting.</summary>
    IAsyncEnumerable<FeedBar> ReadAsync(long catchUpThroughMs, CancellationToken cancellation = default);
}
