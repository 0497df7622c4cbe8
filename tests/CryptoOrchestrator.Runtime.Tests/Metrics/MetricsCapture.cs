using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CryptoOrchestrator.Runtime.Tests.Metrics;

/// <summary>Every measurement of the CryptoOrchestrator meter while it listens, with its tags, as a scrape would see them.</summary>
internal sealed class MetricsCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = new();

    public MetricsCapture()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OrchestratorMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable instruments now, as a scrape does.</summary>
    public void Collect() => _listener.RecordObservableInstruments();

    /// <summary>Every value <paramref name="instrument"/> reported with all of <paramref name="tags"/> ("name=value"), oldest first.</summary>
    public IReadOnlyList<double> Values(string instrument, params string[] tags) =>
        [.. _measurements
            .Where(m => m.Instrument == instrument && tags.All(tag => m.Tags.TryGetValue(tag.Split('=')[0], out var value) && value == tag.Split('=')[1]))
            .Select(m => m.Value)];

    /// <summary>The value an observable instrument reported last with <paramref name="tags"/>; fails naming it when it never did.</summary>
    public double Last(string instrument, params string[] tags)
    {
        var values = Values(instrument, tags);
        Assert.True(values.Count > 0, $"{instrument} reported nothing for {string.Join(", ", tags)}");
        return values[^1];
    }

    public void Dispose() => _listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var named = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            named[tag.Key] = tag.Value?.ToString();
        }

        _measurements.Enqueue((instrument.Name, value, named));
    }
}
