namespace CryptoOrchestrator.Sdk.Context;

/// <summary>
/// Keyed, versioned state a plugin shares with its next version within one run or bot (a hot
/// reload creates a new instance; the store stays). Payloads carry a
/// version so a new plugin version can read (or knowingly discard) what an old one saved.
/// </summary>
public interface IStateStore
{
    /// <summary>Saves <paramref name="payload"/> under <paramref name="key"/>, replacing what was there.</summary>
    void Save(string key, int version, ReadOnlySpan<byte> payload);

    /// <summary>Loads what was saved under <paramref name="key"/>; false when nothing was.</summary>
    bool TryLoad(string key, out int version, out ReadOnlyMemory<byte> payload);
}
