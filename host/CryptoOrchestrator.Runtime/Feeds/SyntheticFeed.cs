using System.Runtime.CompilerServices;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Feeds;

/// <summary>
/// A seeded synthetic market for paper bots: one bar per instrument per interval of market time, from the
/// engine's <see cref="SyntheticBarGenerator"/> (a random walk whose drift and volatility follow market
/// regimes), played at a multiple of real time or as fast as taken. The same options give the same bars.
/// </summary>
public sealed class SyntheticFeed : IMarketFeed, IResumableFeed
{
    private readonly SyntheticFeedOptions _options;
    private readonly TimeProvider _time;

    /// <summary>A feed of <paramref name="instruments"/>; the options are checked here, naming what is wrong.</summary>
    public SyntheticFeed(IReadOnlyList<Instrument> instruments, SyntheticFeedOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(options);
        if (instruments.Count == 0)
        {
            throw new ArgumentException("A synthetic feed needs at least one instrument.", nameof(instruments));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.Bars ?? 0, nameof(options.Bars));
        // One bar proves the rest: the generator checks interval, start, price and regimes.
        SyntheticBarGenerator.Generate(instruments[0], new SyntheticBarOptions
        {
            Count = 1,
            IntervalMs = options.IntervalMs,
            StartPrice = options.StartPrice,
            StartTime = options.StartTime,
            Regimes = options.Regimes,
        });
        Instruments = [.. instruments];
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>What it makes and how fast.</summary>
    public SyntheticFeedOptions Options => _options;

    /// <inheritdoc />
    public IAsyncEnumerable<FeedBar> ReadAsync(CancellationToken cancellation = default) => ReadAsync(long.MinValue, cancellation);

    /// <inheritdoc />
    public async IAsyncEnumerable<FeedBar> ReadAsync(long catchUpThroughMs, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var pacer = new FeedPacer(_options.Speed, _time, catchUpThroughMs);
        var walks = Instruments.Select(instrument => new SyntheticWalk(instrument, _options)).ToArray();
        for (long step = 0; _options.Bars is not { } bars || step < bars; step++)
        {
            foreach (var walk in walks)
            {
                var bar = walk.Next();
                await pacer.WaitForAsync(bar.CloseTime, cancellation).ConfigureAwait(false);
                yield return new FeedBar(walk.Instrument, bar);
            }
        }
    }
}
