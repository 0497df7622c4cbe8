using System.Runtime.CompilerServices;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Feeds;

/// <summary>
/// Plays recorded bars, of one or more instruments merged in close-time order, at a multiple of real
/// time (the wait between two bars is the time between their closes divided by the speed) or as fast
/// as they are taken. Files are read by the engine's <see cref="BarSeriesLoader"/>: every CSV layout and
/// the binary cache a backtest reads.
/// </summary>
public sealed class ReplayFeed : IMarketFeed, IResumableFeed
{
    private readonly BarSeries[] _series;
    private readonly TimeProvider _time;

    /// <summary>A feed over series already loaded; at most one per instrument.</summary>
    public ReplayFeed(IReadOnlyList<BarSeries> series, FeedSpeed speed, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException("A replay needs at least one series of bars.", nameof(series));
        }

        var twice = series.GroupBy(s => s.Instrument.Symbol, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"A replay takes one series per instrument; {twice.Key} has {twice.Count()}.", nameof(series));
        }

        _series = [.. series];
        _time = time ?? TimeProvider.System;
        Speed = speed;
        Instruments = [.. series.Select(s => s.Instrument)];
        BarCount = series.Sum(s => s.Count);
    }

    /// <inheritdoc />
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>How fast it plays.</summary>
    public FeedSpeed Speed { get; }

    /// <summary>Bars in all, over every instrument.</summary>
    public int BarCount { get; }

    /// <summary>A replay of one file (CSV of any layout a backtest reads, or a binary bar cache).</summary>
    public static ReplayFeed Load(string path, FeedSpeed speed, CsvReadOptions? options = null, TimeProvider? time = null) =>
        new([BarSeriesLoader.Load(path, options)], speed, time);

    /// <inheritdoc />
    public IAsyncEnumerable<FeedBar> ReadAsync(CancellationToken cancellation = default) => ReadAsync(long.MinValue, cancellation);

    /// <inheritdoc />
    public async IAsyncEnumerable<FeedBar> ReadAsync(long catchUpThroughMs, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var pacer = new FeedPacer(Speed, _time, catchUpThroughMs);
        var cursor = new int[_series.Length];
        for (var next = NextSeries(cursor); next >= 0; next = NextSeries(cursor))
        {
            var bar = _series[next].Bars[cursor[next]++];
            await pacer.WaitForAsync(bar.CloseTime, cancellation).ConfigureAwait(false);
            yield return new FeedBar(_series[next].Instrument, bar);
        }
    }

    /// <summary>The series whose next bar closes first (the earlier series on a tie), or -1 when all are played.</summary>
    private int NextSeries(int[] cursor)
    {
        var best = -1;
        var bestClose = long.MaxValue;
        for (var s = 0; s < _series.Length; s++)
        {
            if (cursor[s] < _series[s].Count && _series[s].Bars[cursor[s]].CloseTime < bestClose)
            {
                best = s;
                bestClose = _series[s].Bars[cursor[s]].CloseTime;
            }
        }

        return best;
    }
}
