using System.Diagnostics.Metrics;
using System.Text;

namespace CryptoOrchestrator.Api.Metrics;

/// <summary>Every time series (one per label set) of one instrument, and how the instrument maps to a Prometheus type.</summary>
internal sealed class InstrumentSeries
{
    private readonly Instrument _instrument;
    private readonly double[] _bounds;
    private readonly string _type;
    private readonly bool _cumulative;
    private readonly SeriesByTags<ScalarSeries> _scalars = new();
    private readonly SeriesByTags<HistogramSeries> _histograms = new();

    public InstrumentSeries(Instrument instrument, double[] bounds)
    {
        _instrument = instrument;
        _bounds = bounds;
        var generic = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : instrument.GetType();
        _type = generic == typeof(Histogram<>) ? "histogram"
            : generic == typeof(Counter<>) || generic == typeof(ObservableCounter<>) ? "counter"
            : "gauge";
        // Observable instruments report totals rather than increments, so their series keep the last value.
        _cumulative = !instrument.IsObservable && (generic == typeof(Counter<>) || generic == typeof(UpDownCounter<>));
        var name = PrometheusText.Name(instrument.Name);
        Name = _type == "counter" && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    public string Name { get; }

    /// <summary>Adds one measurement to its series; allocation-free once the tag set has been seen.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_type == "histogram")
        {
            _histograms.GetOrAdd(tags, static bounds => new HistogramSeries(bounds), _bounds).Record(value);
            return;
        }

        _scalars.GetOrAdd(tags, static cumulative => new ScalarSeries(cumulative), _cumulative).Record(value);
    }

    public void Render(StringBuilder text)
    {
        if (_scalars.IsEmpty && _histograms.IsEmpty)
        {
            return;
        }

        var help = string.IsNullOrEmpty(_instrument.Description) ? _instrument.Name : _instrument.Description;
        text.Append("# HELP ").Append(Name).Append(' ').Append(help.ReplaceLineEndings(" ")).Append('\n');
        text.Append("# TYPE ").Append(Name).Append(' ').Append(_type).Append('\n');
        foreach (var (labels, series) in _scalars.Ordered())
        {
            text.Append(Name).Append(labels).Append(' ').Append(PrometheusText.Value(series.Value)).Append('\n');
        }

        foreach (var (labels, series) in _histograms.Ordered())
        {
            long total = 0;
            foreach (var (bound, count) in series.Cumulative())
            {
                text.Append(Name).Append("_bucket").Append(PrometheusText.WithLabel(labels, "le", PrometheusText.Value(bound))).Append(' ').Append(count).Append('\n');
                total = count;
            }

            // The count is the +Inf bucket, so the two always agree even while measurements arrive.
            text.Append(Name).Append("_sum").Append(labels).Append(' ').Append(PrometheusText.Value(series.Sum)).Append('\n');
            text.Append(Name).Append("_count").Append(labels).Append(' ').Append(total).Append('\n');
        }
    }
}
