using System.Collections.Concurrent;

namespace CryptoOrchestrator.Api.Auth;

/// <summary>
/// Callers resolved from the store, kept for <c>Api:CallerCacheMs</c> so that a client sending many requests does
/// not cost two store reads each (its user, and its API key). Entries are keyed by the user's id (bearer tokens,
/// which are still validated on every request) or the API key's SHA-256 (never the key itself). Any change to a
/// user or a key on this node (disable, enable, role, revoke) drops every entry at once; another node's cache sees
/// such a change when its entry expires, so the lifetime bounds how long a change takes to reach every node.
/// </summary>
public sealed class CallerCache(TimeSpan lifetime, TimeProvider time)
{
    // Bounds memory whatever callers do: past this many entries the cache starts over.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Whether callers are kept at all (a lifetime of zero turns the cache off).</summary>
    public bool Enabled => lifetime > TimeSpan.Zero;

    /// <summary>The caller kept under <paramref name="key"/>, when it has not expired and nothing changed since it was read.</summary>
    public Caller? Find(string key) =>
        _entries.TryGetValue(key, out var entry) && entry.Generation == Volatile.Read(ref _generation) && time.GetTimestamp() < entry.ExpiresAt
            ? entry.Caller
            : null;

    /// <summary>Where a resolution starts: take this before reading the store, and give it back to <see cref="Keep"/>.</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>
    /// Keeps <paramref name="caller"/>, read from the store after <paramref name="generation"/> was taken. A change
    /// made meanwhile moved the generation on, so a caller read before it is never served after it.
    /// </summary>
    public void Keep(string key, Caller caller, long generation)
    {
        if (!Enabled)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(caller, generation, time.GetTimestamp() + (long)(lifetime.TotalSeconds * time.TimestampFrequency));
    }

    /// <summary>Forgets every caller: called after any change to a user or an API key.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(Caller Caller, long Generation, long ExpiresAt);
}
