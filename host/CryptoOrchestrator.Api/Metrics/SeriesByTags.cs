using System.Collections.Concurrent;

namespace CryptoOrchestrator.Api.Metrics;

/// <summary>
/// The time series of each tag set an instrument has recorded with, by its Prometheus label text. A measurement
/// finds its series again without allocating (it arrives on the recording thread — a bot's, for the event-to-order
/// histogram): by a hash of the tags, then comparing them one by one. Only a tag set not seen before, in that order,
/// builds its label text; tags given in another order find the same series by that text.
/// </summary>
internal sealed class SeriesByTags<TSeries>
    where TSeries : class
{
    private readonly ConcurrentDictionary<int, Entry[]> _byHash = new();
    private readonly ConcurrentDictionary<string, TSeries> _byLabels = new(StringComparer.Ordinal);

    public bool IsEmpty => _byLabels.IsEmpty;

    /// <summary>Every series by its label text, in ordinal order of the text.</summary>
    public IEnumerable<KeyValuePair<string, TSeries>> Ordered() => _byLabels.OrderBy(pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The series of <paramref name="tags"/>, made by <paramref name="create"/> the first time (pass a static lambda: a capturing one allocates per call).</summary>
    public TSeries GetOrAdd<TState>(ReadOnlySpan<KeyValuePair<string, object?>> tags, Func<TState, TSeries> create, TState state)
    {
        var hash = Hash(tags);
        if (_byHash.TryGetValue(hash, out var entries))
        {
            foreach (var entry in entries)
            {
                if (Same(entry.Tags, tags))
                {
                    return entry.Series;
                }
            }
        }

        var series = _byLabels.GetOrAdd(PrometheusText.Labels(tags), static (_, pair) => pair.create(pair.state), (create, state));
        var added = new Entry(tags.ToArray(), series);
        _byHash.AddOrUpdate(hash, static (_, entry) => [entry], static (_, existing, entry) => [.. existing, entry], added);
        return series;
    }

    private static int Hash(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = default(HashCode);
        foreach (var tag in tags)
        {
            hash.Add(tag.Key, StringComparer.Ordinal);
            hash.Add(tag.Value);
        }

        return hash.ToHashCode();
    }

    private static bool Same(KeyValuePair<string, object?>[] known, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (known.Length != tags.Length)
        {
            return false;
        }

        for (var i = 0; i < known.Length; i++)
        {
            if (!string.Equals(known[i].Key, tags[i].Key, StringComparison.Ordinal) || !Equals(known[i].Value, tags[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Entry(KeyValuePair<string, object?>[] Tags, TSeries Series);
}
