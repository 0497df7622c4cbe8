using CryptoOrchestrator.Sdk.Context;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// The clock of a replacement strategy: while recent history is replayed to it, the close of the
/// bar being replayed; afterwards the pipeline's own time. A strategy may keep the clock it was
/// given, so the one object has to tell both times.
/// </summary>
internal sealed class ReplayClock(IClock live) : IClock
{
    private bool _replaying;
    private long _replayMs;

    public long NowMs => _replaying ? _replayMs : live.NowMs;

    public void ReplayAt(long timeMs)
    {
        _replaying = true;
        _replayMs = timeMs;
    }

    public void GoLive() => _replaying = false;
}
