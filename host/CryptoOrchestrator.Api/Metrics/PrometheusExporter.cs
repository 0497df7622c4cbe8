using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace CryptoOrchestrator.Api.Metrics;

/// <summary>
/// Collects the instruments of chosen <see cref="Meter"/>s and renders them in the Prometheus text
/// exposition format for <c>/metrics</c>. prometheus-net and OpenTelemetry's Prometheus exporter are not
/// available here, so this listens with the BCL's <see cref="MeterListener"/>: counters and up-down
/// counters are summed, gauges keep their last value, histograms count into fixed buckets, and
/// observable instruments are read at scrape time. Per-event counts belong in observable instruments
/// (read when scraped) so the engine's hot path pays nothing for them.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>Default histogram bounds, in seconds: 10 µs to 10 s.</summary>
    public static readonly IReadOnlyList<double> DefaultSecondsBuckets =
        [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly HashSet<string> _meters;
    private readonly double[] _bounds;
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _instruments = new();
    private readonly Lock _scrape = new();

    /// <summary>Listens to the meters named in <paramref name="meterNames"/>.</summary>
    public PrometheusExporter(IEnumerable<string> meterNames, IReadOnlyList<double>? histogramBounds = null)
    {
        ArgumentNullException.ThrowIfNull(meterNames);
        _meters = new HashSet<string>(meterNames, StringComparer.Ordinal);
        _bounds = [.. histogramBounds ?? DefaultSecondsBuckets];
        if (_bounds.Length == 0 || _bounds.Zip(_bounds.Skip(1)).Any(pair => pair.First >= pair.Second))
        {
            throw new ArgumentException("Histogram bounds must be given in strictly increasing order.", nameof(histogramBounds));
        }

        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_meters.Contains(instrument.Meter.Name))
            {
                _instruments.TryAdd(instrument, new InstrumentSeries(instrument, _bounds));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<decimal>((instrument, value, tags, _) => Record(instrument, (double)value, tags));
        _listener.Start();
    }

    /// <summary>The whole exposition: one HELP and TYPE per metric, then its samples.</summary>
    public string Scrape()
    {
        lock (_scrape)
        {
            // Observable instruments report now, into the same series as ordinary ones.
            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var series in _instruments.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                series.Render(text);
            }

            return text.ToString();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_instruments.TryGetValue(instrument, out var series))
        {
            series.Record(value, tags);
        }
    }
}
