using CryptoOrchestrator.Sdk.Context;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>A clock the pipeline moves forward event by event, so plugins never see the wall clock in a backtest.</summary>
public sealed class SimulatedClock : IClock
{
    /// <inheritdoc />
    public long NowMs { get; private set; }

    /// <summary>Moves time to <paramref name="nowMs"/>; time never runs backwards.</summary>
    public void AdvanceTo(long nowMs)
    {
        if (nowMs < NowMs)
        {
            ThrowBackwards(nowMs);
        }

        NowMs = nowMs;
    }

    // Out of line, so the check that runs twice a bar stays small enough to inline.
    private void ThrowBackwards(long nowMs) =>
        throw new InvalidOperationException($"Time cannot go back from {NowMs} to {nowMs}.");
}
