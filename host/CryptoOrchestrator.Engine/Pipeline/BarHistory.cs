using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// The latest bars of every instrument, for re-feeding a strategy swapped in while a run goes on:
/// one ring per instrument, pre-sized, so recording a bar is two array writes on the hot path and
/// allocates nothing. Each bar carries the number of the step it was seen in, so the rings merge
/// back into exactly the order the strategies saw.
/// </summary>
internal sealed class BarHistory
{
    private readonly int _depth;
    private readonly Bar[] _bars;
    private readonly long[] _seen;
    private readonly int[] _count;
    private readonly int[] _next;
    private readonly HistoricBar[] _merged;
    private long _sequence;

    /// <summary>Keeps the latest <paramref name="depth"/> bars of each of <paramref name="instruments"/> instruments.</summary>
    public BarHistory(int depth, int instruments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(instruments);
        _depth = depth;
        _bars = new Bar[depth * instruments];
        _seen = new long[depth * instruments];
        _count = new int[instruments];
        _next = new int[instruments];
        _merged = new HistoricBar[depth * instruments];
    }

    /// <summary>Records a bar as seen now. Allocation-free: runs on the per-bar hot path.</summary>
    public void Record(int instrument, in Bar bar)
    {
        var cell = (instrument * _depth) + _next[instrument];
        _bars[cell] = bar;
        _seen[cell] = _sequence++;
        _next[instrument] = _next[instrument] + 1 == _depth ? 0 : _next[instrument] + 1;
        _count[instrument] = Math.Min(_count[instrument] + 1, _depth);
    }

    /// <summary>
    /// Every bar kept, oldest first, in the order they were recorded (time order; within a time
    /// step, feed order). The span is reused by the next call.
    /// </summary>
    public ReadOnlySpan<HistoricBar> InOrder()
    {
        var instruments = _count.Length;
        Span<int> taken = instruments <= 64 ? stackalloc int[instruments] : new int[instruments];
        var total = 0;
        while (true)
        {
            // A k-way merge on the step numbers: each ring is already in order, oldest at its start.
            var best = -1;
            var bestSeen = long.MaxValue;
            for (var i = 0; i < instruments; i++)
            {
                if (taken[i] < _count[i] && _seen[Cell(i, taken[i])] < bestSeen)
                {
                    best = i;
                    bestSeen = _seen[Cell(i, taken[i])];
                }
            }

            if (best < 0)
            {
                return _merged.AsSpan(0, total);
            }

            _merged[total++] = new HistoricBar(best, _bars[Cell(best, taken[best]++)]);
        }
    }

    /// <summary>The cell of the <paramref name="age"/>-th oldest bar kept for <paramref name="instrument"/>.</summary>
    private int Cell(int instrument, int age)
    {
        var oldest = _count[instrument] < _depth ? 0 : _next[instrument];
        return (instrument * _depth) + ((oldest + age) % _depth);
    }
}

/// <summary>A bar from the history and the index of its instrument in the pipeline.</summary>
internal readonly record struct HistoricBar(int Instrument, Bar Bar);
