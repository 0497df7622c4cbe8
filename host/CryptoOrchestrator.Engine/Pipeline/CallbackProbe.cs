namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// Where the pipeline thread is, for a watchdog on another thread: <see cref="Sequence"/> is odd
/// while a strategy callback runs and moves on every entry and exit, so a value that stays odd
/// for too long names a strategy stuck in <see cref="PluginId"/>.<see cref="Phase"/>.
/// </summary>
/// <remarks>
/// Written by the pipeline thread only, with volatile writes and nothing else (no locks, no
/// allocation): every strategy callback passes through it. The id and phase are written before
/// the sequence on entry, so a reader that sees an odd sequence sees who entered; they are
/// best-effort labels, while the sequence is exact.
/// </remarks>
public sealed class CallbackProbe
{
    private long _sequence;
    private string? _pluginId;
    private string? _phase;
    private int _depth;

    /// <summary>Odd while inside a strategy callback, even between them; changes on every entry and exit.</summary>
    public long Sequence => Volatile.Read(ref _sequence);

    /// <summary>The strategy of the callback running, or of the last one when <see cref="Sequence"/> is even.</summary>
    public string? PluginId => Volatile.Read(ref _pluginId);

    /// <summary>The callback running (see <see cref="CallbackPhases"/>), or the last one when <see cref="Sequence"/> is even.</summary>
    public string? Phase => Volatile.Read(ref _phase);

    /// <summary>True on the pipeline thread while a strategy callback is on its stack.</summary>
    internal bool IsInside => _depth > 0;

    /// <summary>Marks the start of a callback; dispose the result when it returns or throws.</summary>
    internal CallbackScope Enter(string pluginId, string phase)
    {
        var scope = new CallbackScope(this, _pluginId, _phase);
        Volatile.Write(ref _pluginId, pluginId);
        Volatile.Write(ref _phase, phase);

        // The outermost entry makes the sequence odd; a callback nested in another (an order update
        // raised by the strategy's own Submit) steps it by two, so it stays odd but still shows progress.
        Volatile.Write(ref _sequence, _sequence + (_depth++ == 0 ? 1 : 2));
        return scope;
    }

    internal void Exit(string? outerPluginId, string? outerPhase)
    {
        if (--_depth == 0)
        {
            Volatile.Write(ref _sequence, _sequence + 1);
            return;
        }

        Volatile.Write(ref _pluginId, outerPluginId);
        Volatile.Write(ref _phase, outerPhase);
        Volatile.Write(ref _sequence, _sequence + 2);
    }
}
