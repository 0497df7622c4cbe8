using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Feeds;

/// <summary>
/// A stream of closed bars for one or more instruments, in the order they closed: what a bot trades on.
/// Replays and synthetic markets implement it for paper trading, exchange adapters for live streams.
/// </summary>
public interface IMarketFeed
{
    /// <summary>The instruments whose bars the feed yields.</summary>
    IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>
    /// The bars, each when it is due; ends when the feed has no more, throws
    /// <see cref="OperationCanceledException"/> once <paramref name="cancellation"/> is cancelled.
    /// Each call starts the feed from its beginning.
    /// </summary>
    IAsyncEnumerable<FeedBar> ReadAsync(CancellationToken cancellation = default);
}
