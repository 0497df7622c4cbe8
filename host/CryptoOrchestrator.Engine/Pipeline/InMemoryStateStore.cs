using CryptoOrchestrator.Sdk.Context;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>Keeps plugin state in memory for the life of a run; copies payloads so callers may reuse their buffers.</summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Dictionary<string, (int Version, byte[] Payload)> _entries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Save(string key, int version, ReadOnlySpan<byte> payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _entries[key] = (version, payload.ToArray());
    }

    /// <inheritdoc />
    public bool TryLoad(string key, out int version, out ReadOnlyMemory<byte> payload)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            version = entry.Version;
            payload = entry.Payload;
            return true;
        }

        version = 0;
        payload = ReadOnlyMemory<byte>.Empty;
        return false;
    }

    /// <summary>Saves every entry into <paramref name="target"/>, in key order.</summary>
    internal void CopyTo(IStateStore target)
    {
        foreach (var (key, (version, payload)) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            target.Save(key, version, payload);
        }
    }
}
