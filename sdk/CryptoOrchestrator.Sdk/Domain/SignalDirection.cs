namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>The view a signal expresses.</summary>
public enum SignalDirection
{
    /// <summary>Hold no position.</summary>
    Flat = 0,

    /// <summary>Hold a long position.</summary>
    Long = 1,

    /// <summary>Hold a short position.</summary>
    Short = -1,
}
