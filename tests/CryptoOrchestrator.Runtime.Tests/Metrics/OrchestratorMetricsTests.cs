using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Tests.Bots;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class OrchestratorMetricsTests
{
    [Fact]
    public async Task PaperBotRun_CountsItsEventsAndOrdersByState_AndTimesEveryOrderItSubmits()
    {
        await using var bots = new BotFixture();
        using var capture = new MetricsCapture();
        bots.Manager.Create(BotFixture.Counting("metered", bars: 600));

        await bots.Manager.StartAsync("metered");
        var ended = await bots.WaitFor("metered", BotStatus.Stopped);
        var orderEvents = BotFixture.Payloads(await bots.EventsOfRun("metered"), BotEventTypes.Order);
        capture.Collect();

        Assert.Equal(0, ended.EventsDropped);
        Assert.Equal(600, capture.Last("co_events_processed", "bot=metered"));
        foreach (var state in Enum.GetValues<OrderStatus>())
        {
            var published = orderEvents.Count(order => order.GetProperty("status").GetString() == state.ToString());
            Assert.Equal(published, capture.Last("co_orders", "bot=metered", $"state={state}"));
        }

        var accepted = capture.Last("co_orders", "bot=metered", "state=Accepted");
        var latencies = capture.Values("co_event_to_order_seconds", "bot=metered");
        Assert.True(accepted > 0, "the counting strategy trades on a random walk");
        Assert.Equal(accepted, latencies.Count);
        Assert.All(latencies, seconds => Assert.InRange(seconds, 1e-9, BotFixture.Patience.TotalSeconds));
    }

    [Fact]
    public async Task BotsByStatus_AndPluginsByStatus_FollowTheirChanges()
    {
        await using var bots = new BotFixture();
        using var capture = new MetricsCapture();
        bots.Manager.Create(BotFixture.Counting("idle"));
        bots.Manager.Create(BotFixture.Counting("done", bars: 50));
        bots.Manager.Create(BotFixture.Counting("broken") with
        {
            Strategies = [new StrategyDefinition { PluginId = "faulty", Parameters = new Dictionary<string, string> { ["fail-at"] = "20" } }],
        });
        capture.Collect();
        Assert.Equal(3, capture.Last("co_bots", "status=Created"));
        Assert.Equal(1, capture.Last("co_plugin_status", "plugin=faulty", "status=Active"));

        await bots.Manager.StartAsync("done");
        await bots.Manager.StartAsync("broken");
        await bots.WaitFor("done", BotStatus.Stopped);
        await bots.WaitFor("broken", BotStatus.Failed);
        capture.Collect();

        Assert.Equal(1, capture.Last("co_bots", "status=Created"));
        Assert.Equal(1, capture.Last("co_bots", "status=Stopped"));
        Assert.Equal(1, capture.Last("co_bots", "status=Failed"));
        Assert.Equal(0, capture.Last("co_bots", "status=Running"));
        Assert.Equal(1, capture.Last("co_plugin_status", "plugin=faulty", $"status={PluginStatus.Malfunctioned}"));
        Assert.Equal(0, capture.Last("co_plugin_status", "plugin=faulty", $"status={PluginStatus.Active}"));
        Assert.Equal(1, capture.Last("co_plugin_status", "plugin=counting", $"status={PluginStatus.Active}"));
    }

    [Fact]
    public async Task DisposedManager_IsNoLongerReported()
    {
        var bots = new BotFixture();
        using var capture = new MetricsCapture();
        bots.Manager.Create(BotFixture.Counting("gone"));
        capture.Collect();
        Assert.Equal(1, capture.Last("co_bots", "status=Created"));

        await bots.DisposeAsync();
        capture.Collect();

        Assert.Equal(0, capture.Last("co_bots", "status=Created"));
    }
}
