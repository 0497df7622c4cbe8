namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// The plugin calls as small numbers, so that marking a callback on the <see cref="CallbackProbe"/>
/// stores an integer rather than a string reference (no GC write barrier on the hot path).
/// <see cref="CallbackPhases.NameOf"/> gives the name reported outside.
/// </summary>
internal enum CallbackPhase : byte
{
    None = 0,
    Initialize,
    OnBar,
    OnFill,
    OnOrderUpdate,
    SaveState,
    RestoreState,
    ReplayOnBar,
    Metadata,
    Dispose,
    OnTrade,
}
