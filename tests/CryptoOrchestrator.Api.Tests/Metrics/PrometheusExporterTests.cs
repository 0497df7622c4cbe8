using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using CryptoOrchestrator.Api.Metrics;

namespace CryptoOrchestrator.Api.Tests.Metrics;

public sealed class PrometheusExporterTests : IDisposable
{
    // A meter name of its own per test instance: listeners see every meter in the process.
    private readonly Meter _meter = new($"co.test.{Guid.NewGuid():N}");
    private readonly PrometheusExporter _exporter;

    public PrometheusExporterTests() => _exporter = new PrometheusExporter([_meter.Name]);

    public void Dispose()
    {
        _exporter.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Counter_SumsEveryIncrementFromManyThreads_PerLabelSet()
    {
        var orders = _meter.CreateCounter<long>("co.orders", description: "Orders by state.");

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                orders.Add(1, new("status", "filled"), new("bot", "a"));
            }
        });
        orders.Add(3, new KeyValuePair<string, object?>("bot", "a"), new("status", "rejected"));

        var text = _exporter.Scrape();

        Assert.Contains("# HELP co_orders_total Orders by state.\n# TYPE co_orders_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("co_orders_total{bot=\"a\",status=\"filled\"} 40000\n", text, StringComparison.Ordinal);
        Assert.Contains("co_orders_total{bot=\"a\",status=\"rejected\"} 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_RendersCumulativeBuckets_SumAndCount()
    {
        var latency = _meter.CreateHistogram<double>("co.latency", unit: "s");
        foreach (var seconds in new[] { 0.00002, 0.002, 0.002, 20.0 })
        {
            latency.Record(seconds);
        }

        var text = _exporter.Scrape();

        Assert.Contains("# TYPE co_latency histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("co_latency_bucket{le=\"1E-05\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("co_latency_bucket{le=\"2.5E-05\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("co_latency_bucket{le=\"0.0025\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("co_latency_bucket{le=\"10\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("co_latency_bucket{le=\"+Inf\"} 4\n", text, StringComparison.Ordinal);
        Assert.Contains("co_latency_count 4\n", text, StringComparison.Ordinal);
        var sum = double.Parse(Regex.Match(text, @"co_latency_sum (\S+)\n").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(20.00402, sum, precision: 9);
    }

    [Fact]
    public void ObservableInstruments_AreReadAtScrapeTime()
    {
        long processed = 5;
        _meter.CreateObservableCounter("co.events_processed", () => new Measurement<long>(processed, new KeyValuePair<string, object?>("bot", "b1")));
        _meter.CreateObservableGauge("co.plugin_status", () => new Measurement<int>(1, new("plugin", "sma"), new("status", "Active")));

        var first = _exporter.Scrape();
        processed = 12;
        var second = _exporter.Scrape();

        Assert.Contains("co_events_processed_total{bot=\"b1\"} 5\n", first, StringComparison.Ordinal);
        Assert.Contains("co_events_processed_total{bot=\"b1\"} 12\n", second, StringComparison.Ordinal);
        Assert.Contains("# TYPE co_plugin_status gauge\nco_plugin_status{plugin=\"sma\",status=\"Active\"} 1\n", second, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelValues_AreEscaped_AndEveryLineIsWellFormed()
    {
        var counter = _meter.CreateCounter<int>("co.weird-name.total");
        counter.Add(1, new KeyValuePair<string, object?>("reason", "a \"quoted\" \\ path\nnext"));

        var text = _exporter.Scrape();

        Assert.Contains("co_weird_name_total{reason=\"a \\\"quoted\\\" \\\\ path\\nnext\"} 1\n", text, StringComparison.Ordinal);
        var sample = new Regex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? \S+$""");
        Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('#')), line => Assert.Matches(sample, line));
    }

    [Fact]
    public void MetersNotAskedFor_AreLeftOut()
    {
        using var other = new Meter($"co.other.{Guid.NewGuid():N}");
        other.CreateCounter<long>("co.not_mine").Add(1);

        Assert.DoesNotContain("co_not_mine", _exporter.Scrape(), StringComparison.Ordinal);
    }
}
