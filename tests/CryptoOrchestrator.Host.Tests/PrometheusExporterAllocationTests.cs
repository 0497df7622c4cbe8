using System.Diagnostics.Metrics;
using CryptoOrchestrator.Api.Metrics;

namespace CryptoOrchestrator.Host.Tests;

public class PrometheusExporterAllocationTests
{
    [Fact]
    public void RecordingAHistogram_WhileTheExporterListens_AllocatesNothingOnTheRecordingThread()
    {
        var meterName = $"co-test-{Guid.NewGuid():N}";
        using var meter = new Meter(meterName);
        var histogram = meter.CreateHistogram<double>("co_event_to_order_seconds");
        using var exporter = new PrometheusExporter([meterName]);
        var bot = new KeyValuePair<string, object?>("bot", "bot-1");
        // Warm-up: the first measurement of a tag set makes its series.
        histogram.Record(0.00002, bot);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            histogram.Record(0.00002, bot);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Contains("co_event_to_order_seconds_count{bot=\"bot-1\"} 10001", exporter.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameTagsInAnotherOrder_AndOtherTagValues_CountInTheirOwnSeries()
    {
        var meterName = $"co-test-{Guid.NewGuid():N}";
        using var meter = new Meter(meterName);
        var counter = meter.CreateCounter<long>("co_orders");
        using var exporter = new PrometheusExporter([meterName]);

        counter.Add(1, new("bot", "a"), new("state", "Filled"));
        counter.Add(2, new("state", "Filled"), new("bot", "a"));
        counter.Add(4, new("bot", "a"), new("state", "Canceled"));
        counter.Add(8, new("bot", "b"), new("state", "Filled"));
        var text = exporter.Scrape();

        Assert.Contains("co_orders_total{bot=\"a\",state=\"Filled\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("co_orders_total{bot=\"a\",state=\"Canceled\"} 4\n", text, StringComparison.Ordinal);
        Assert.Contains("co_orders_total{bot=\"b\",state=\"Filled\"} 8\n", text, StringComparison.Ordinal);
    }
}
