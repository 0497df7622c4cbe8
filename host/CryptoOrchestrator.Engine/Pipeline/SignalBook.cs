using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// The latest signal of every strategy on every instrument, in flat pre-sized arrays so that
/// emitting and gathering allocate nothing. An instrument is "dirty" when a signal on it
/// arrived since it was last fused. Each slot's signals are recorded with their confidence scaled by
/// the slot's share of the fusion weight (1 for the heaviest slot).
/// </summary>
internal sealed class SignalBook
{
    private readonly int _strategies;
    private readonly Signal[] _latest;
    private readonly bool[] _present;
    private readonly bool[] _dirty;
    private readonly Signal[] _gathered;
    private readonly double[] _confidenceScale;

    public SignalBook(IReadOnlyList<double> weights, int instruments)
    {
        var strategies = weights.Count;
        var heaviest = weights.Count == 0 ? 1 : weights.Max();
        _confidenceScale = [.. weights.Select(weight => weight / heaviest)];
        _strategies = strategies;
        _latest = new Signal[strategies * instruments];
        _present = new bool[strategies * instruments];
        _dirty = new bool[instruments];
        _gathered = new Signal[strategies];
    }

    public void Record(int slot, int instrument, in Signal signal)
    {
        var cell = (instrument * _strategies) + slot;
        var scale = _confidenceScale[slot];
        _latest[cell] = scale == 1 ? signal : signal with { Confidence = signal.Confidence * scale };
        _present[cell] = true;
        _dirty[instrument] = true;
    }

    public bool IsDirty(int instrument) => _dirty[instrument];

    /// <summary>
    /// Forgets every signal of <paramref name="slot"/>. Dirty flags stay as they are: withdrawing a
    /// view does not by itself move positions; the next fusion of each instrument goes without it.
    /// </summary>
    public void Withdraw(int slot)
    {
        for (var cell = slot; cell < _present.Length; cell += _strategies)
        {
            _present[cell] = false;
            _latest[cell] = default;
        }
    }

    /// <summary>
    /// The instrument's current signals, one per strategy that has spoken, and the slot of the
    /// only contributor (or -1 when several strategies share the view). Clears the dirty flag.
    /// </summary>
    public ReadOnlySpan<Signal> Gather(int instrument, out int soleContributor)
    {
        _dirty[instrument] = false;
        var count = 0;
        soleContributor = -1;
        for (var slot = 0; slot < _strategies; slot++)
        {
            var cell = (instrument * _strategies) + slot;
            if (_present[cell])
            {
                _gathered[count++] = _latest[cell];
                soleContributor = count == 1 ? slot : -1;
            }
        }

        return _gathered.AsSpan(0, count);
    }
}
