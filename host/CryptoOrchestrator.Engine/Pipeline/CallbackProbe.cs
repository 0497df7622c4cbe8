namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// Where the pipeline thread is, for a watchdog on another thread: <see cref="Sequence"/> is odd
/// while a strategy callback runs and moves on every entry and exit, so a value that stays odd
/// for too long names a strategy stuck in <see cref="PluginId"/>.<see cref="Phase"/>.
/// </summary>
/// <remarks>
/// Written by the pipeline thread only, with volatile writes of two integers per entry and one per
/// exit (no locks, no allocation, no object references): every strategy callback passes through
/// it. Which slot and call is one packed integer written before the sequence, so a reader that
/// sees an odd sequence sees who entered; the labels are best-effort, the sequence is exact.
/// </remarks>
public sealed class CallbackProbe
{
    private readonly string[] _pluginIds;
    private long _sequence;
    private int _label;
    private int _depth;

    internal CallbackProbe(string[] pluginIds) => _pluginIds = pluginIds;

    /// <summary>Odd while inside a strategy callback, even between them; changes on every entry and exit.</summary>
    public long Sequence => Volatile.Read(ref _sequence);

    /// <summary>The strategy of the callback running, or of the last one when <see cref="Sequence"/> is even.</summary>
    public string? PluginId => Volatile.Read(ref _label) >> 8 is var slot and > 0 ? _pluginIds[slot - 1] : null;

    /// <summary>The callback running (see <see cref="CallbackPhases"/>), or the last one when <see cref="Sequence"/> is even.</summary>
    public string? Phase => CallbackPhases.NameOf((CallbackPhase)(Volatile.Read(ref _label) & 0xFF));

    /// <summary>True on the pipeline thread while a strategy callback is on its stack.</summary>
    internal bool IsInside => _depth > 0;

    /// <summary>Marks the start of a callback of the strategy in <paramref name="slot"/>; dispose the result when it returns or throws.</summary>
    internal CallbackScope Enter(int slot, CallbackPhase phase)
    {
        var outer = _label;
        Volatile.Write(ref _label, ((slot + 1) << 8) | (int)phase);

        // The outermost entry makes the sequence odd; a callback nested in another (an order update
        // raised by the strategy's own Submit) steps it by two, so it stays odd but still shows progress.
        Volatile.Write(ref _sequence, _sequence + (_depth++ == 0 ? 1 : 2));
        return new CallbackScope(this, outer);
    }

    internal void Exit(int outerLabel)
    {
        if (--_depth == 0)
        {
            Volatile.Write(ref _sequence, _sequence + 1);
            return;
        }

        Volatile.Write(ref _label, outerLabel);
        Volatile.Write(ref _sequence, _sequence + 2);
    }
}
