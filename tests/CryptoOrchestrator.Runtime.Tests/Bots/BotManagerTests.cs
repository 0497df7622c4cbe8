using System.Globalization;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Tests.Bots;

public sealed class BotManagerTests : IAsyncLifetime
{
    private readonly BotFixture _bots = new();

    // The counting strategy follows one instrument; this one goes long once and never fails within a test's bars.
    private static readonly StrategyDefinition QuietFaulty = new() { PluginId = "faulty", Parameters = new Dictionary<string, string> { ["fail-at"] = "1000000" } };

    private BotManager Manager => _bots.Manager;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bots.DisposeAsync();

    [Fact]
    public async Task CreatedBot_WaitsUntilStarted_ThenTradesItsWholeFeed_AndStopsWhenTheFeedEnds()
    {
        var created = Manager.Create(BotFixture.Counting("alpha", bars: 800));
        Assert.Equal(BotStatus.Created, created.Status);

        var started = await Manager.StartAsync("alpha");
        var ended = await _bots.WaitFor("alpha", BotStatus.Stopped);

        Assert.Equal(BotStatus.Running, started.Status);
        Assert.Equal("the feed ended after 800 bars", ended.Reason);
        Assert.Equal(800, ended.BarsFed);
        Assert.Equal(800, ended.EventsProcessed);
        var trades = await Manager.InspectAsync("alpha", pipeline => pipeline.Portfolio.TotalFees);
        Assert.True(trades > 0, "the counting strategy trades on a random walk, paying the default commission");
    }

    [Fact]
    public async Task PausedBot_TakesNoMoreBars_WhileTheyWait_AndCarriesOnWhenResumed()
    {
        Manager.Create(BotFixture.Counting("pausing", bars: null));
        await Manager.StartAsync("pausing");
        await _bots.WaitForProcessed("pausing", 2_000);

        var paused = Manager.Pause("pausing");
        var atPause = await Manager.InspectAsync("pausing", _ => Manager.Get("pausing").EventsProcessed);
        await Task.Delay(300);
        var later = Manager.Get("pausing");

        Assert.Equal(BotStatus.Paused, paused.Status);
        Assert.Equal(atPause, later.EventsProcessed);
        // The feed is held back by the bot's bounded queue: bars wait rather than pile up.
        Assert.InRange(later.BarsFed - later.EventsProcessed, 0, 1_025);

        Assert.Equal(BotStatus.Running, Manager.Resume("pausing").Status);
        await _bots.WaitForProcessed("pausing", atPause + 1_000);
    }

    [Fact]
    public async Task Stop_EndsARunningBot_ThenDeleteRemovesIt()
    {
        Manager.Create(BotFixture.Counting("stopping", bars: null));
        await Manager.StartAsync("stopping");
        await _bots.WaitForProcessed("stopping", 100);

        var stopped = await Manager.StopAsync("stopping");
        var processed = stopped.EventsProcessed;
        await Task.Delay(100);

        Assert.Equal(BotStatus.Stopped, stopped.Status);
        Assert.Equal("stopped on request", stopped.Reason);
        Assert.Equal(processed, Manager.Get("stopping").EventsProcessed);

        await Manager.DeleteAsync("stopping");
        Assert.Throws<BotNotFoundException>(() => Manager.Get("stopping"));
        Assert.Empty(Manager.List());
    }

    [Fact]
    public async Task PausedBot_CanBeStopped()
    {
        Manager.Create(BotFixture.Counting("paused-then-stopped", bars: null));
        await Manager.StartAsync("paused-then-stopped");
        Manager.Pause("paused-then-stopped");

        var stopped = await Manager.StopAsync("paused-then-stopped").WaitAsync(BotFixture.Patience);

        Assert.Equal(BotStatus.Stopped, stopped.Status);
    }

    [Fact]
    public async Task RunningBot_CannotBeDeletedOrResumedOrStartedTwice()
    {
        Manager.Create(BotFixture.Counting("busy", bars: null));
        await Manager.StartAsync("busy");

        var delete = await Assert.ThrowsAsync<BotStateException>(() => Manager.DeleteAsync("busy"));
        var resume = Assert.Throws<BotStateException>(() => Manager.Resume("busy"));
        var start = await Assert.ThrowsAsync<BotStateException>(() => Manager.StartAsync("busy"));

        Assert.Contains("stop it before deleting it", delete.Message, StringComparison.Ordinal);
        Assert.Contains("only a Paused bot can be made Running", resume.Message, StringComparison.Ordinal);
        Assert.Contains("already Running", start.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoppedBot_StartsAgain_FromItsDefinition()
    {
        Manager.Create(BotFixture.Counting("again", bars: 300));
        await Manager.StartAsync("again");
        await _bots.WaitFor("again", BotStatus.Stopped);
        var firstEquity = await Manager.InspectAsync("again", pipeline => pipeline.Portfolio.Equity);

        await Manager.StartAsync("again");
        var second = await _bots.WaitFor("again", BotStatus.Stopped);
        var secondEquity = await Manager.InspectAsync("again", pipeline => pipeline.Portfolio.Equity);

        Assert.Equal(300, second.EventsProcessed);
        Assert.Equal(firstEquity, secondEquity);
    }

    [Fact]
    public async Task PluginThatThrowsUnderHalt_FailsItsBotWithTheReason_WhileAnotherBotCarriesOn()
    {
        Manager.Create(BotFixture.Counting("steady", bars: 3_000));
        Manager.Create(BotFixture.Counting("doomed", bars: 3_000) with
        {
            Strategies = [new StrategyDefinition { PluginId = "faulty", Parameters = new Dictionary<string, string> { ["fail-at"] = "50" } }],
        });

        await Manager.StartAsync("steady");
        await Manager.StartAsync("doomed");
        var failed = await _bots.WaitFor("doomed", BotStatus.Failed);
        var steady = await _bots.WaitFor("steady", BotStatus.Stopped);

        Assert.Contains("deliberate failure at bar 50", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(49, failed.EventsProcessed);
        Assert.Equal(3_000, steady.EventsProcessed);
    }

    [Fact]
    public async Task FeedThatThrows_FailsItsBotNamingTheFeedError_WhileAnotherBotCarriesOn()
    {
        Manager.Create(BotFixture.Counting("steady", bars: 2_000));
        Manager.Create(BotFixture.Counting("cut-off"), new ScriptedFeed(barsBeforeFailure: 40));

        await Manager.StartAsync("cut-off");
        await Manager.StartAsync("steady");
        var failed = await _bots.WaitFor("cut-off", BotStatus.Failed);
        var steady = await _bots.WaitFor("steady", BotStatus.Stopped);

        Assert.Equal("the feed failed: IOException: the stream was cut", failed.Reason);
        Assert.Equal(40, failed.BarsFed);
        Assert.Equal(2_000, steady.EventsProcessed);
    }

    [Fact]
    public async Task FeedOfAnInstrumentTheBotDoesNotTrade_FailsTheBot_NamingIt()
    {
        Manager.Create(BotFixture.Counting("wrong-market"), new ScriptedFeed(10, Instrument.Spot("ETHUSDT")));

        await Manager.StartAsync("wrong-market");
        var failed = await _bots.WaitFor("wrong-market", BotStatus.Failed);

        Assert.Contains("bar of ETHUSDT, which the bot does not trade", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayBot_TradesEveryBarOfItsFile_ResolvedAgainstTheBaseDirectory()
    {
        Manager.Create(BotFixture.Counting("replay") with
        {
            Feed = new FeedDefinition { Kind = FeedKind.Replay, Files = ["BTCUSDT-1m.csv"], Speed = "max" },
        });

        await Manager.StartAsync("replay");
        var ended = await _bots.WaitFor("replay", BotStatus.Stopped);
        var lastClose = await Manager.InspectAsync("replay", pipeline => pipeline.Portfolio.LastPrice(Streams.Btc));

        Assert.Equal(20, ended.EventsProcessed);
        var lastLine = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "BTCUSDT-1m.csv")).Last();
        Assert.Equal(Price.FromDecimal(decimal.Parse(lastLine.Split(',')[4], CultureInfo.InvariantCulture)), lastClose);
    }

    [Fact]
    public async Task TwoInstrumentBot_ProcessesTheBarsThatOpenTogether_AsOneStep()
    {
        Manager.Create(BotFixture.Counting("pair", bars: 300) with { Instruments = ["BTCUSDT", "ETHUSDT"], Strategies = [QuietFaulty] });

        await Manager.StartAsync("pair");
        var events = await _bots.EventsOfRun("pair");
        var info = Manager.Get("pair");

        Assert.True(info.Status == BotStatus.Stopped, info.Reason);
        Assert.Equal(600, info.EventsProcessed);
        Assert.Equal(300, events.Count(e => e.Type == BotEventTypes.Equity));
    }

    [Fact]
    public async Task ReplayOfTwoFilesOfUnequalLength_PlaysEveryBar_InStepsWhileBothLast()
    {
        Manager.Create(BotFixture.Counting("pair-replay") with
        {
            Instruments = ["BTCUSDT", "ETHUSDT"],
            Strategies = [QuietFaulty],
            Feed = new FeedDefinition { Kind = FeedKind.Replay, Files = ["BTCUSDT-1m.csv", "ETHUSDT-1m.csv"], Speed = "max" },
        });

        await Manager.StartAsync("pair-replay");
        var events = await _bots.EventsOfRun("pair-replay");

        Assert.True(Manager.Get("pair-replay").Status == BotStatus.Stopped, Manager.Get("pair-replay").Reason);
        Assert.Equal(30, Manager.Get("pair-replay").EventsProcessed);
        Assert.Equal(20, events.Count(e => e.Type == BotEventTypes.Equity));
        Assert.Equal("the feed ended after 30 bars", Manager.Get("pair-replay").Reason);
    }

    [Fact]
    public async Task MaxPosition_CapsWhatTheSizerAsksFor()
    {
        Manager.Create(BotFixture.Counting("capped", bars: 1_000) with
        {
            Sizing = "fixed:5",
            Risk = new RiskDefinition { MaxPosition = 2m },
        });

        await Manager.StartAsync("capped");
        var events = await _bots.EventsOfRun("capped");
        var positions = BotFixture.Payloads(events, BotEventTypes.Position).Select(p => p.GetProperty("quantity").GetDecimal()).ToList();

        Assert.NotEmpty(positions);
        Assert.Equal(2m, positions.Max(Math.Abs));
    }
}
