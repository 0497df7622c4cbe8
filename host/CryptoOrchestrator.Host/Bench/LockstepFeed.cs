using System.Diagnostics;
using System.Runtime.CompilerServices;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Feeds;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Host.Bench;

/// <summary>
/// The latency benchmark's feed: hands each bar only once the bot has processed every bar before it, so no bar
/// waits behind another in the bot's queue, and pauses before every <c>pauseEvery</c>-th bar so that bar finds
/// the bot idle, asleep on its empty queue, as a bar of a live stream does. Allocation-free per bar, so the
/// feed causes no collection that would pause the bot.
/// </summary>
internal sealed class LockstepFeed(Instrument instrument, Bar[] bars, int pauseEvery, TimeSpan pause) : IMarketFeed
{
    private readonly TaskCompletionSource<Bot> _bot = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<Instrument> Instruments { get; } = [instrument];

    /// <summary>The bot the feed keeps step with; the feed hands nothing before it is known.</summary>
    public void Follow(Bot bot) => _bot.TrySetResult(bot);

    public async IAsyncEnumerable<FeedBar> ReadAsync([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var bot = await _bot.Task.WaitAsync(cancellation).ConfigureAwait(false);
        var pauseTicks = (long)(pause.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < bars.Length; i++)
        {
            var spin = default(SpinWait);
            while (bot.EventsProcessed < i)
            {
                cancellation.ThrowIfCancellationRequested();
                spin.SpinOnce(sleep1Threshold: -1);
            }

            if ((i + 1) % pauseEvery == 0)
            {
                var until = Stopwatch.GetTimestamp() + pauseTicks;
                while (Stopwatch.GetTimestamp() < until)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                }
            }

            yield return new FeedBar(instrument, bars[i]);
        }
    }
}
