using CryptoOrchestrator.Sdk.Context;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>Real time: an adapter under the conformance suite talks to a venue that lives in it.</summary>
internal sealed class WallClock : IClock
{
    public long NowMs => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
}
