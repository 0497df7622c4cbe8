using System.Buffers;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Hosting;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using Xunit.Abstractions;

namespace CryptoOrchestrator.Runtime.Tests;

public sealed class HotReloadTests(ITestOutputHelper output) : IDisposable
{
    private const string Counting = "Counting";
    private readonly HostDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task HundredSwapsWhileStreaming_StrategySeesEveryBarOnceInOrder_AndRunEqualsOneWithoutReloads()
    {
        const int barCount = 20_000;
        const int swaps = 100;
        var bars = Streams.Bars(barCount);
        var path = _directory.InstallSource(Counting);
        using var host = _directory.CreateHost();
        var events = new HostEvents(host);
        host.Start();

        var baseline = await RunWithoutReloads(host, "baseline", bars);

        var bot = host.StartBot(Streams.Bot("swapped", "counting"));
        var transcript = await RunTranscript.Attach(bot);
        var swapsDone = 0;
        var feeder = Task.Run(async () =>
        {
            for (var i = 0; i < bars.Length; i++)
            {
                // Bars flow while the swaps happen: never more than one swap's share ahead of them.
                while (i / (barCount / swaps) > Volatile.Read(ref swapsDone))
                {
                    await Task.Delay(1);
                }

                bot.Post(Streams.Btc, bars[i]);
            }
        });

        for (var k = 0; k < swaps; k++)
        {
            var reload = await host.ReloadAsync(path);
            Assert.Single(reload.OfType<StrategySwapped>(), swap => swap.Bot == "swapped" && swap.Mode == SwapMode.StateHandoff);
            Interlocked.Increment(ref swapsDone);
        }

        await feeder;
        while (bot.EventsProcessed < barCount)
        {
            await Task.Delay(5);
        }

        var (count, hash) = await bot.InvokeAsync(pipeline => CountingState(pipeline.StrategyAt(0)));
        bot.CompleteInput();
        await bot.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        transcript.Close(bot);

        Assert.Equal(BotState.Completed, bot.State);
        Assert.Equal(barCount, count);
        Assert.Equal(ExpectedHash(bars), hash);
        Assert.Equal(baseline.Lines, transcript.Lines);
        Assert.Contains(transcript.Lines, line => line.Contains(" fill ", StringComparison.Ordinal));

        await host.WhenUnloadsVerified();
        Assert.True(!events.OfType<ContextLeaked>().Any(), string.Join("\n", events.OfType<ContextLeaked>().Select(l => l.Describe())));
        var swapped = events.OfType<StrategySwapped>().Where(s => s.Bot == "swapped").ToList();
        var collected = events.OfType<ContextCollected>().Select(c => c.ContextName).ToHashSet();
        Assert.All(swapped, swap => Assert.Contains(swap.FromContext, collected));
        var pauses = swapped.Select(s => s.Pause.TotalMilliseconds).Order().ToList();
        output.WriteLine($"swap pause over {pauses.Count} swaps: p50 {pauses[pauses.Count / 2]:0.000} ms, p99 {pauses[(int)(pauses.Count * 0.99) - 1]:0.000} ms, max {pauses[^1]:0.000} ms");
    }

    [Fact]
    public async Task NewBuildOfAFolderPlugin_IsSeenByTheWatcher_AndSwappedInWarm_WithoutChangingTheRun()
    {
        var bars = Streams.Bars(1_500, seed: 11);
        _directory.InstallSmaCrossover();
        using var host = _directory.CreateHost(watch: true);
        var events = new HostEvents(host);
        host.Start();
        var baseline = await RunWithoutReloads(host, "baseline", bars);

        var bot = host.StartBot(Streams.Bot("live", "sma-crossover") with { HistoryDepth = 100 });
        var transcript = await RunTranscript.Attach(bot);
        foreach (var bar in bars.Take(700))
        {
            bot.Post(Streams.Btc, bar);
        }

        _directory.InstallSmaCrossover();
        var swap = await events.WaitFor<StrategySwapped>(s => s.Bot == "live");
        await Streams.RunToEnd(bot, bars.Skip(700));
        transcript.Close(bot);

        Assert.Equal(SwapMode.WarmReplay, swap.Mode);
        Assert.Equal(baseline.Lines, transcript.Lines);
        await host.WhenUnloadsVerified();
        Assert.Contains(events.OfType<ContextCollected>(), c => c.ContextName == swap.FromContext);
    }

    [Fact]
    public async Task NewPackageFile_IsSeenByTheWatcher_AndSwappedIn()
    {
        var bars = Streams.Bars(600, seed: 5);
        _directory.InstallSmaCrossoverPackage();
        using var host = _directory.CreateHost(watch: true);
        var events = new HostEvents(host);
        host.Start();
        Assert.EndsWith("sma-crossover.nupkg", Assert.Single(events.OfType<PluginActivated>()).Source, StringComparison.Ordinal);

        var bot = host.StartBot(Streams.Bot("live", "sma-crossover") with { HistoryDepth = 50 });
        foreach (var bar in bars.Take(300))
        {
            bot.Post(Streams.Btc, bar);
        }

        _directory.InstallSmaCrossoverPackage();
        var swap = await events.WaitFor<StrategySwapped>(s => s.Bot == "live");
        await Streams.RunToEnd(bot, bars.Skip(300));

        Assert.Equal(BotState.Completed, bot.State);
        Assert.NotEqual(swap.FromContext, swap.ToContext);
        await host.WhenUnloadsVerified();
        Assert.Contains(events.OfType<ContextCollected>(), c => c.ContextName == swap.FromContext);
    }

    [Fact]
    public async Task SourcePluginWithACompileError_IsRejectedNamingFileAndLine_ThenTheFixSwapsIn()
    {
        _directory.InstallSource(Counting);
        using var host = _directory.CreateHost(watch: true);
        var events = new HostEvents(host);
        host.Start();
        var bot = host.StartBot(Streams.Bot("live", "counting"));
        var bars = Streams.Bars(200);
        foreach (var bar in bars.Take(100))
        {
            bot.Post(Streams.Btc, bar);
        }

        _directory.EditSource(Counting, "CountingStrategy.cs", "_lastOpenTime = bar.OpenTime;", "_lastOpenTime = bar.OpenTime");
        var rejected = await events.WaitFor<PluginRejected>(r => r.Reason.Contains("CountingStrategy.cs(", StringComparison.Ordinal));
        Assert.Matches(@"CountingStrategy\.cs\(\d+,\d+\)", rejected.Reason);
        Assert.Contains("CS1002", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginStatus.Active, host.Status.Find("counting")!.Status);
        Assert.Equal(BotState.Running, bot.State);
        Assert.Empty(events.OfType<StrategySwapped>());

        _directory.EditSource(Counting, "CountingStrategy.cs", "_lastOpenTime = bar.OpenTime\n", "_lastOpenTime = bar.OpenTime;\n");
        var swap = await events.WaitFor<StrategySwapped>(s => s.Bot == "live");
        Assert.Equal(SwapMode.StateHandoff, swap.Mode);
        await Streams.RunToEnd(bot, bars.Skip(100));
        Assert.Equal(BotState.Completed, bot.State);
    }

    [Fact]
    public async Task VersionThatThrowsInRestoreState_IsRejected_AndTheOldVersionRunsOnUndisturbed()
    {
        var bars = Streams.Bars(600);
        var path = _directory.InstallSource(Counting);
        using var host = _directory.CreateHost();
        host.Start();
        var baseline = await RunWithoutReloads(host, "baseline", bars);

        var bot = host.StartBot(Streams.Bot("live", "counting"));
        var transcript = await RunTranscript.Attach(bot);
        foreach (var bar in bars.Take(300))
        {
            bot.Post(Streams.Btc, bar);
        }

        _directory.EditSource(Counting, "CountingStrategy.cs", "if (version != 1 ||", "if (version != 2 ||");
        _directory.EditSource(Counting, "CountingStrategy.cs", "Version = \"1.0.0\"", "Version = \"1.1.0\"");
        var reload = await host.ReloadAsync(path);

        var refusal = Assert.Single(reload.OfType<SwapRejected>());
        Assert.Contains("RestoreState", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("cannot read state version 1", refusal.Reason, StringComparison.Ordinal);
        Assert.Empty(reload.OfType<StrategySwapped>());
        Assert.Equal("1.0.0", host.Status.Find("counting")!.Version);
        Assert.Equal("1.0.0", Assert.Single(host.ActivePlugins).Version.ToNormalizedString());

        await Streams.RunToEnd(bot, bars.Skip(300));
        transcript.Close(bot);
        Assert.Equal(baseline.Lines, transcript.Lines);
    }

    [Fact]
    public async Task VersionOutsideTheHostsSdkRange_IsRejectedAsNotSupported_AndTheRunningVersionStays()
    {
        var path = _directory.InstallSource(Counting);
        using var host = _directory.CreateHost();
        host.Start();
        var bot = host.StartBot(Streams.Bot("live", "counting"));
        var bars = Streams.Bars(100);
        foreach (var bar in bars.Take(50))
        {
            bot.Post(Streams.Btc, bar);
        }

        _directory.EditSource(Counting, "CountingStrategy.cs", "SdkVersionRange = \"[0.2.0, 1.0.0)\"", "SdkVersionRange = \"[9.0.0, 10.0.0)\"");
        var reload = await host.ReloadAsync(path);

        var rejected = Assert.Single(reload.OfType<PluginRejected>());
        Assert.Equal(PluginStatus.NotSupported, rejected.Status);
        Assert.Contains("[9.0.0, 10.0.0)", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(reload.OfType<StrategySwapped>());
        Assert.Equal(PluginStatus.Active, host.Status.Find("counting")!.Status);
        await Streams.RunToEnd(bot, bars.Skip(50));
        Assert.Equal(BotState.Completed, bot.State);
        Assert.Equal(100, bot.EventsProcessed);
    }

    [Fact]
    public async Task ContextKeptAliveByThePlugin_IsReportedAsALeakNamingIt()
    {
        var path = _directory.InstallSource("Leaky");
        using var host = new PluginHost(new PluginHostOptions { PluginsDirectory = _directory.Plugins, WatchForChanges = false, UnloadGcRounds = 5 });
        var events = new HostEvents(host);
        host.Start();
        var bot = host.StartBot(Streams.Bot("live", "leaky"));
        bot.Post(Streams.Btc, Streams.Bars(1)[0]);

        var swap = Assert.Single((await host.ReloadAsync(path)).OfType<StrategySwapped>());
        await host.WhenUnloadsVerified();

        var leak = Assert.Single(events.OfType<ContextLeaked>());
        Assert.Equal(swap.FromContext, leak.ContextName);
        Assert.Contains("Leaky", leak.ContextName, StringComparison.Ordinal);
        bot.CompleteInput();
    }

    private static async Task<RunTranscript> RunWithoutReloads(PluginHost host, string name, Bar[] bars)
    {
        var bot = host.StartBot(Streams.Bot(name, host.ActivePlugins.Select(p => p.Id).First()));
        var transcript = await RunTranscript.Attach(bot);
        await Streams.RunToEnd(bot, bars);
        Assert.Equal(BotState.Completed, bot.State);
        transcript.Close(bot);
        return transcript;
    }

    /// <summary>Reads the counting strategy's bar count and hash from the payload it would hand over.</summary>
    private static (long Count, ulong Hash) CountingState(IStrategy? strategy)
    {
        var payload = new ArrayBufferWriter<byte>();
        Assert.IsAssignableFrom<IStatefulPlugin>(strategy).SaveState(payload);
        var bytes = payload.WrittenSpan;
        return (BitConverter.ToInt64(bytes), BitConverter.ToUInt64(bytes[8..]));
    }

    private static ulong ExpectedHash(IEnumerable<Bar> bars)
    {
        var hash = 14695981039346656037;
        foreach (var bar in bars)
        {
            hash = (hash ^ (ulong)bar.OpenTime) * 1099511628211;
            hash = (hash ^ (ulong)bar.Close.Units) * 1099511628211;
        }

        return hash;
    }
}
