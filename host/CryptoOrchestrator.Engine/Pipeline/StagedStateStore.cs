using CryptoOrchestrator.Sdk.Context;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// The state store of a replacement strategy: what it saves while being swapped in is kept aside
/// and reaches the run's store only when the swap commits, so a rejected swap leaves no trace.
/// Reads see the staged entries over the run's.
/// </summary>
internal sealed class StagedStateStore(IStateStore store) : IStateStore
{
    private InMemoryStateStore? _staged = new();

    public void Save(string key, int version, ReadOnlySpan<byte> payload)
    {
        if (_staged is null)
        {
            store.Save(key, version, payload);
            return;
        }

        _staged.Save(key, version, payload);
    }

    public bool TryLoad(string key, out int version, out ReadOnlyMemory<byte> payload) =>
        (_staged is not null && _staged.TryLoad(key, out version, out payload)) || store.TryLoad(key, out version, out payload);

    /// <summary>Writes the staged entries through to the run's store; from now on it writes straight through.</summary>
    public void Commit()
    {
        _staged?.CopyTo(store);
        _staged = null;
    }
}
