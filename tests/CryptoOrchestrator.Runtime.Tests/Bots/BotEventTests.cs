using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Runtime.Bots;

namespace CryptoOrchestrator.Runtime.Tests.Bots;

public sealed class BotEventTests : IAsyncLifetime
{
    private readonly BotFixture _bots = new();

    private BotManager Manager => _bots.Manager;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bots.DisposeAsync();

    [Fact]
    public async Task PaperBot_PublishesOrdersFillsPositionsAndEquity_OnTheInProcessBus_WithConsecutiveSequences()
    {
        Manager.Create(BotFixture.Counting("published", bars: 500));
        await Manager.StartAsync("published");

        var events = await _bots.EventsOfRun("published");

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(["Created", "Running", "Stopped"], BotFixture.Payloads(events, BotEventTypes.BotState).Select(p => p.GetProperty("status").GetString()));
        Assert.Equal(BotEventTypes.BotState, events[^1].Type);
        var equity = events.Where(e => e.Type == BotEventTypes.Equity).ToList();
        Assert.Equal(500, equity.Count);
        Assert.All(equity.Zip(equity.Skip(1)), pair => Assert.True(pair.Second.TimeMs > pair.First.TimeMs, "equity is marked once per bar, at its close"));
        var fills = BotFixture.Payloads(events, BotEventTypes.Fill);
        Assert.NotEmpty(fills);
        Assert.All(fills, fill => Assert.Equal(1m, fill.GetProperty("quantity").GetDecimal()));
        Assert.All(fills, fill => Assert.Equal("counting", fill.GetProperty("owner").GetString()));
        var orders = BotFixture.Payloads(events, BotEventTypes.Order);
        Assert.Contains(orders, order => order.GetProperty("status").GetString() == "Filled");
        // Every fill is followed at once by the position it left.
        var afterFills = events.Select((e, i) => (e, i)).Where(x => x.e.Type == BotEventTypes.Fill).Select(x => events[x.i + 1].Type);
        Assert.All(afterFills, type => Assert.Equal(BotEventTypes.Position, type));
    }

    [Fact]
    public async Task PauseAndResume_AreBotStateEvents_InTheirPlaceAmongTheOthers()
    {
        Manager.Create(BotFixture.Counting("stateful", bars: null));
        await Manager.StartAsync("stateful");
        await _bots.WaitForProcessed("stateful", 100);
        Manager.Pause("stateful");
        Manager.Resume("stateful");
        await Manager.StopAsync("stateful");

        var events = await _bots.EventsOfRun("stateful");

        Assert.Equal(
            ["Created", "Running", "Paused", "Running", "Stopped"],
            BotFixture.Payloads(events, BotEventTypes.BotState).Select(p => p.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task PluginQuarantinedUnderContinueWithout_IsAPluginStatusEvent_AndTheBotRunsOn()
    {
        Manager.Create(BotFixture.Counting("resilient", bars: 200) with
        {
            FaultPolicy = FaultPolicy.ContinueWithout,
            Strategies =
            [
                new StrategyDefinition { PluginId = "faulty", Parameters = new Dictionary<string, string> { ["fail-at"] = "30" } },
                new StrategyDefinition { PluginId = "counting" },
            ],
        });
        await Manager.StartAsync("resilient");

        var events = await _bots.EventsOfRun("resilient");

        var status = Assert.Single(BotFixture.Payloads(events, BotEventTypes.PluginStatus));
        Assert.Equal("faulty", status.GetProperty("pluginId").GetString());
        Assert.Equal("Malfunctioned", status.GetProperty("status").GetString());
        Assert.Contains("deliberate failure at bar 30", status.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, Manager.Get("resilient").EventsProcessed);
        Assert.Equal("Stopped", BotFixture.Payload(events[^1]).GetProperty("status").GetString());
    }

    [Fact]
    public async Task FailedBot_SaysWhyInItsLastEvent()
    {
        Manager.Create(BotFixture.Counting("broken"), new ScriptedFeed(barsBeforeFailure: 5));
        await Manager.StartAsync("broken");

        var events = await _bots.EventsOfRun("broken");

        var last = BotFixture.Payload(events[^1]);
        Assert.Equal("Failed", last.GetProperty("status").GetString());
        Assert.Equal("the feed failed: IOException: the stream was cut", last.GetProperty("reason").GetString());
    }
}
