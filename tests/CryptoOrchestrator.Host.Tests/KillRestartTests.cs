using System.Diagnostics;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Tests.Durability;

namespace CryptoOrchestrator.Host.Tests;

/// <summary>
/// The host killed with SIGKILL at random moments of a paper session and started again each time: nothing is lost or
/// sent twice, positions equal the journal, and the session ends with the journal of a run never interrupted.
/// </summary>
public sealed class KillRestartTests
{
    private const int Kills = 20;
    private const int Bars = 3_000;
    private const string Bot = "survivor";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static TheoryData<StoreProvider> Providers => [StoreProvider.Sqlite, StoreProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HostKilledTwentyTimes_LosesAndDuplicatesNothing_AndEndsWithTheJournalOfAnUninterruptedRun(StoreProvider provider)
    {
        using var work = new TempDirectory();
        SampleData.WriteHourlyCsv(work.File("BTCUSDT-1h.csv"), Bars);
        // 3,000 hours at 1,080,000 times real time: a 10-second session.
        File.WriteAllText(work.File("paced.json"), Settings(speed: "1080000"));
        File.WriteAllText(work.File("reference.json"), Settings(speed: "max"));
        var referenceDatabase = await TestStores.NewDatabaseAsync(provider, work.Path);
        var killedDatabase = await TestStores.NewDatabaseAsync(provider, work.Path);
        // Migrated here too, so the test can read before the first host has started; the hosts then find nothing to apply.
        await using var reference = await Stores.OpenAsync(referenceDatabase);
        await using var killed = await Stores.OpenAsync(killedDatabase);

        await RunToTheEnd(work, "reference.json", referenceDatabase, reference);
        var random = new Random(Environment.TickCount);
        var clock = Stopwatch.StartNew();
        for (var kill = 0; kill < Kills; kill++)
        {
            using var host = Start(work, "paced.json", killedDatabase);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2_000)));
            host.KillAbruptly();
        }

        var killing = clock.Elapsed;
        await RunToTheEnd(work, "paced.json", killedDatabase, killed);

        var expected = await JournalContents.ReadAsync(reference, Bot);
        var actual = await JournalContents.ReadAsync(killed, Bot);
        Assert.True(expected.Fills.Count > 20, $"the reference run trades: {expected.Fills.Count} fills");
        Assert.Equal(Enumerable.Range(1, actual.Orders.Count).Select(i => (long)i), actual.Orders.Select(o => o.ClientOrderId));
        foreach (var order in actual.Orders)
        {
            var fills = actual.Fills.Where(f => f.ClientOrderId == order.ClientOrderId).ToList();
            Assert.True(fills.Sum(f => f.Quantity) <= order.Quantity, $"order co-{order.ClientOrderId} filled beyond its quantity");
            Assert.Equal(fills.Sum(f => f.Quantity), order.FilledQuantity);
            Assert.Equal(Enumerable.Range(1, fills.Count), fills.Select(f => f.FillSequence).Order());
        }

        Assert.Equal(actual.PositionsFromFills(), actual.StoredPositions());
        Assert.Equal(expected.Orders, actual.Orders);
        Assert.Equal(expected.Transitions, actual.Transitions);
        Assert.Equal(expected.Fills, actual.Fills);
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.True(killing < TimeSpan.FromSeconds(80), $"{Kills} kills took {killing}");
    }

    private static RunningOrchestrator Start(TempDirectory work, string settings, StoreOptions database) =>
        RunningOrchestrator.Start(
            work.Path, "run", "--config", settings,
            $"--Storage:Provider={database.Provider}",
            $"--Storage:ConnectionString={database.ConnectionString}");

    /// <summary>Runs the host until the bot's feed has ended (as the store says), then stops it.</summary>
    private static async Task RunToTheEnd(TempDirectory work, string settings, StoreOptions database, IStore store)
    {
        using var host = Start(work, settings, database);
        var deadline = DateTime.UtcNow + Patience;
        while ((await store.Bots.GetAsync(Bot))?.Status != Persistence.BotStatus.Stopped)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the bot did not finish in {Patience}.\nOutput:\n{host.Output}\nErrors:\n{host.Errors}");
            await Task.Delay(50);
        }

        host.Terminate();
        Assert.Equal(0, await host.WaitForExit(Patience));
        Assert.Empty(host.Errors);
    }

    private static string Settings(string speed) => $$"""
        {
          "Plugins": { "StatusFile": "state/plugin-status.json", "CacheDirectory": "cache", "Watch": false },
          "Runtime": { "BarCacheDirectory": "bar-cache" },
          {{ApiTestSettings.Section}},
          "Bots": [
            {
              "Id": "{{Bot}}",
              "Strategies": [ { "PluginId": "sma-crossover", "Parameters": { "fast": "5", "slow": "20" } } ],
              "Instruments": [ "BTCUSDT" ],
              "Sizing": "fraction:0.5",
              "Feed": { "Kind": "Replay", "Speed": "{{speed}}", "Files": [ "BTCUSDT-1h.csv" ] }
            }
          ]
        }
        """;
}
