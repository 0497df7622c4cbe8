using CryptoOrchestrator.Sdk.Context;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>A clock that reads another one set later: models are initialised before the pipeline whose time they read exists.</summary>
internal sealed class ForwardingClock : IClock
{
    public IClock? Target { get; set; }

    public long NowMs => Target?.NowMs ?? 0;
}
