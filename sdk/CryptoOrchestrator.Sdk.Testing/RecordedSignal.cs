using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>A signal a strategy emitted, with the pipeline time it was emitted at.</summary>
/// <param name="Time">Unix epoch milliseconds: the close time of the bar (or the time of the trade) the strategy was handling.</param>
/// <param name="Signal">The signal as emitted.</param>
public sealed record RecordedSignal(long Time, Signal Signal);
