namespace CryptoOrchestrator.Runtime.Feeds;

/// <summary>
/// Holds each bar back until its market time, scaled by the feed's speed, has passed in real time since
/// the first bar. A consumer that falls behind (a paused bot, a slow one) is not caught up with a burst:
/// past <see cref="Tolerance"/> the schedule restarts from the late bar. Lateness within it (a timer
/// firing a little late) is made up, so the pace does not drift. Bars up to <paramref name="catchUpThroughMs"/>
/// (a restored bot replaying what it had already processed) are not held back at all.
/// </summary>
internal sealed class FeedPacer(FeedSpeed speed, TimeProvider time, long catchUpThroughMs = long.MinValue)
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(50);

    private long _anchorTimestamp;
    private long _anchorMarketMs;
    private bool _anchored;

    /// <summary>Completes when the bar of market time <paramref name="marketMs"/> is due.</summary>
    public Task WaitForAsync(long marketMs, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (speed.Multiple is not { } multiple || marketMs <= catchUpThroughMs)
        {
            return Task.CompletedTask;
        }

        var now = time.GetTimestamp();
        if (_anchored)
        {
            var due = TimeSpan.FromMilliseconds((marketMs - _anchorMarketMs) / multiple);
            var wait = due - time.GetElapsedTime(_anchorTimestamp, now);
            if (wait > TimeSpan.Zero)
            {
                return Task.Delay(wait, time, cancellation);
            }

            if (wait >= -Tolerance)
            {
                return Task.CompletedTask;
            }
        }

        _anchored = true;
        _anchorTimestamp = now;
        _anchorMarketMs = marketMs;
        return Task.CompletedTask;
    }
}
