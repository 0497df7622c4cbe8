using System.Reflection;
using System.Runtime.Loader;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Hosting;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Runtime.Tests;

public sealed class FaultContainmentTests : IDisposable
{
    private readonly HostDirectory _directory = new();

    public FaultContainmentTests()
    {
        _directory.InstallSource("Counting");
        _directory.InstallSource("Faulty");
        _directory.InstallSource("Spinning");
    }

    public void Dispose()
    {
        ReleaseSpinners();
        _directory.Dispose();
    }

    [Fact]
    public async Task ThrowingCallback_UnderHalt_HaltsThatBotAndQuarantinesThePlugin_WhileAnotherBotCarriesOn()
    {
        using var host = _directory.CreateHost();
        var events = new HostEvents(host);
        host.Start();
        var bars = Streams.Bars(50);
        var failing = host.StartBot(Streams.Bot("failing", new BotStrategy("faulty", new Dictionary<string, string> { ["fail-at"] = "10" })));
        var steady = host.StartBot(Streams.Bot("steady", "counting"));

        await Task.WhenAll(Streams.RunToEndTolerant(failing, bars), Streams.RunToEnd(steady, bars));

        Assert.Equal(BotState.Halted, failing.State);
        Assert.Contains("faulty", failing.HaltReason, StringComparison.Ordinal);
        Assert.Contains("deliberate failure at bar 10", failing.HaltReason, StringComparison.Ordinal);
        Assert.Equal(9, failing.EventsProcessed);
        Assert.Equal(BotState.Completed, steady.State);
        Assert.Equal(50, steady.EventsProcessed);
        var record = host.Status.Find("faulty")!;
        Assert.Equal(PluginStatus.Malfunctioned, record.Status);
        Assert.Contains("InvalidOperationException in OnBar: deliberate failure at bar 10", record.Reason, StringComparison.Ordinal);
        await events.WaitFor<BotHalted>(h => h.Bot == "failing");
        Assert.Equal(PluginStatus.Active, host.Status.Find("counting")!.Status);
    }

    [Fact]
    public async Task ThrowingCallback_UnderContinueWithout_QuarantinesOnlyThatPlugin_AndTheBotRunsToTheEnd()
    {
        using var host = _directory.CreateHost();
        var events = new HostEvents(host);
        host.Start();
        var bars = Streams.Bars(50);
        var bot = host.StartBot(Streams.Bot("mixed", new BotStrategy("faulty", new Dictionary<string, string> { ["fail-at"] = "10" }), new BotStrategy("counting"))
            with { FaultPolicy = FaultPolicy.ContinueWithout });
        foreach (var bar in bars)
        {
            bot.Post(Streams.Btc, bar);
        }

        while (bot.EventsProcessed < bars.Length)
        {
            await Task.Delay(5);
        }

        var (quarantined, countingBars) = await bot.InvokeAsync(p => (p.IsQuarantined(0), CountingBars(p)));
        await Streams.RunToEnd(bot, []);

        Assert.Equal(BotState.Completed, bot.State);
        Assert.True(quarantined);
        Assert.Equal(50, countingBars);
        var quarantine = await events.WaitFor<PluginQuarantined>(q => q.PluginId == "faulty");
        Assert.Contains("deliberate failure at bar 10", quarantine.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginStatus.Malfunctioned, host.Status.Find("faulty")!.Status);
        var refusal = Assert.Throws<InvalidOperationException>(() => host.StartBot(Streams.Bot("again", "faulty")));
        Assert.Contains("Malfunctioned", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndlessCallback_IsFlaggedByTheWatchdog_ItsBotHalted_AndOtherBotsCarryOn()
    {
        using var host = _directory.CreateHost();
        var events = new HostEvents(host);
        host.Start();
        var bars = Streams.Bars(40);
        var stuck = host.StartBot(Streams.Bot("stuck", new BotStrategy("spinning", new Dictionary<string, string> { ["spin-at"] = "5" }))
            with { CallbackBudget = TimeSpan.FromMilliseconds(200) });
        var steady = host.StartBot(Streams.Bot("steady", "counting"));
        foreach (var bar in bars)
        {
            stuck.Post(Streams.Btc, bar);
        }

        var halted = await events.WaitFor<BotHalted>(h => h.Bot == "stuck", seconds: 20);
        await Streams.RunToEnd(steady, bars);

        Assert.Contains("ran past its 200 ms budget", halted.Reason, StringComparison.Ordinal);
        Assert.Equal(BotState.Halted, stuck.State);
        Assert.Equal(4, stuck.EventsProcessed);
        Assert.Equal(PluginStatus.Malfunctioned, host.Status.Find("spinning")!.Status);
        Assert.Contains("OnBar ran past its 200 ms budget", host.Status.Find("spinning")!.Reason, StringComparison.Ordinal);
        Assert.Equal(BotState.Completed, steady.State);
        Assert.Equal(40, steady.EventsProcessed);
    }

    [Fact]
    public async Task SlowCallbackThatReturns_UnderContinueWithout_IsQuarantined_AndTheBotGoesOnWithoutIt()
    {
        using var host = _directory.CreateHost();
        var events = new HostEvents(host);
        host.Start();
        var bars = Streams.Bars(40);
        var bot = host.StartBot(Streams.Bot("slow", new BotStrategy("spinning", new Dictionary<string, string> { ["spin-at"] = "5" }), new BotStrategy("counting"))
            with { CallbackBudget = TimeSpan.FromMilliseconds(300), FaultPolicy = FaultPolicy.ContinueWithout });
        foreach (var bar in bars)
        {
            bot.Post(Streams.Btc, bar);
        }

        await events.WaitFor<PluginQuarantined>(q => q.PluginId == "spinning", seconds: 20);
        ReleaseSpinners();
        while (bot.EventsProcessed < bars.Length && bot.State == BotState.Running)
        {
            await Task.Delay(5);
        }

        var (quarantined, countingBars) = await bot.InvokeAsync(p => (p.IsQuarantined(0), CountingBars(p)));
        Assert.True(quarantined);
        Assert.Equal(40, countingBars);
        await Streams.RunToEnd(bot, []);
        Assert.Equal(BotState.Completed, bot.State);
    }

    [Fact]
    public async Task EndlessCallback_UnderContinueWithout_HaltsTheBotOnceItIsClearlyHung()
    {
        using var host = _directory.CreateHost();
        var events = new HostEvents(host);
        host.Start();
        var bot = host.StartBot(Streams.Bot("hung", new BotStrategy("spinning", new Dictionary<string, string> { ["spin-at"] = "1" }))
            with { CallbackBudget = TimeSpan.FromMilliseconds(100), FaultPolicy = FaultPolicy.ContinueWithout });
        bot.Post(Streams.Btc, Streams.Bars(1)[0]);

        var halted = await events.WaitFor<BotHalted>(h => h.Bot == "hung", seconds: 20);
        Assert.Contains("has not returned from OnBar", halted.Reason, StringComparison.Ordinal);
        Assert.Contains("thread abandoned", halted.Reason, StringComparison.Ordinal);
        Assert.Equal(BotState.Halted, bot.State);
    }

    private static long CountingBars(TradingPipeline pipeline)
    {
        var payload = new System.Buffers.ArrayBufferWriter<byte>();
        Assert.IsAssignableFrom<IStatefulPlugin>(pipeline.StrategyAt(pipeline.SlotOf("counting"))).SaveState(payload);
        return BitConverter.ToInt64(payload.WrittenSpan);
    }

    /// <summary>Ends every spinning callback, so an abandoned bot thread stops using a core.</summary>
    private static void ReleaseSpinners()
    {
        var flags = AssemblyLoadContext.All
            .SelectMany(context => context.Assemblies)
            .Select(assembly => assembly.GetType("Spinning.SpinningStrategy"))
            .OfType<Type>()
            .Select(type => type.GetField("Release", BindingFlags.Public | BindingFlags.Static))
            .OfType<FieldInfo>();
        foreach (var flag in flags)
        {
            flag.SetValue(null, true);
        }
    }
}
