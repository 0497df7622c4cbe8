using System.Text.RegularExpressions;

namespace CryptoOrchestrator.Host.Tests;

public class RunCliTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_StartsTheConfiguredPaperBots_AndOnSigtermStopsThemAndExitsZero()
    {
        using var work = new TempDirectory();
        File.WriteAllText(work.File("settings.json"), $$"""
            {
              "Plugins": { "StatusFile": "state/plugin-status.json", "CacheDirectory": "cache", "Watch": false },
              {{ApiTestSettings.Section}},
              "Bots": [
                {
                  "Id": "sprinter",
                  "Strategies": [ { "PluginId": "sma-crossover", "Weight": 2, "Parameters": { "fast": "5", "slow": "20" } } ],
                  "Instruments": [ "BTCUSDT" ],
                  "Sizing": "fraction:0.5",
                  "Feed": { "Kind": "Synthetic", "Speed": "max", "Bars": 3000, "Seed": 3 }
                },
                {
                  "Id": "marathon",
                  "Strategies": [ { "PluginId": "momentum" } ],
                  "Instruments": [ "BTCUSDT" ],
                  "Risk": { "MaxPosition": 1 },
                  "Feed": { "Kind": "Synthetic", "Speed": "600", "Interval": "1m" }
                }
              ]
            }
            """);
        using var host = RunningOrchestrator.Start(work.Path, "run", "--config", "settings.json");

        await host.WaitForOutput("Bot sprinter Stopped: the feed ended after 3000 bars", Patience);
        await host.WaitForOutput("Bot marathon Running", Patience);
        host.Terminate();
        var exitCode = await host.WaitForExit(Patience);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{host.Output}\n{host.Errors}");
        Assert.Contains("Bot sprinter Running", host.Output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"Bot sprinter: 3000 bars processed; equity \d+(\.\d+)? USDT"), host.Output);
        Assert.Contains("Bot marathon Stopped: stopped on request", host.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(work.File("state/plugin-status.json")), "the status file path is taken relative to the settings file");
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void Run_WithAnInvalidBot_ExitsTwo_NamingEveryKeyAtFault()
    {
        using var work = new TempDirectory();
        File.WriteAllText(work.File("settings.json"), """
            {
              "Plugins": { "StatusFile": "state/plugin-status.json", "CacheDirectory": "cache", "Watch": false },
              "Bots": [
                { "Id": "one", "Strategies": [ { "PluginId": "momentum" }, { "PluginId": "nope" } ], "Instruments": [ "BTCUSDT" ] },
                { "Id": "two", "Strategies": [ { "PluginId": "momentum" } ], "Instruments": [ "BTCUSDT" ], "Mode": "Live", "Sizing": "all-in" }
              ]
            }
            """);

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "run", "--config", "settings.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("Bots:0:Strategies:1:PluginId: no strategy 'nope' is installed (active strategies: momentum, sma-crossover)", errors, StringComparison.Ordinal);
        Assert.Contains("Bots:1:Sizing: 'all-in' is not one of:", errors, StringComparison.Ordinal);
        Assert.Contains("Bots:1:Mode: live trading is not available yet; use Paper", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithBadStorageSettings_ExitsTwo_NamingEachKey()
    {
        using var work = new TempDirectory();
        File.WriteAllText(work.File("settings.json"), """
            { "Storage": { "Provider": "Postgres", "SqliteDurability": "Sometimes", "CheckpointEverySteps": 0 } }
            """);

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "run", "--config", "settings.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("Storage:ConnectionString: is required for Postgres", errors, StringComparison.Ordinal);
        Assert.Contains("Storage:SqliteDurability: 'Sometimes' is not one of: PowerLoss, ProcessCrash", errors, StringComparison.Ordinal);
        Assert.Contains("Storage:CheckpointEverySteps:", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithAMisspeltKey_ExitsTwo_NamingItAndWhatItCouldBe()
    {
        using var work = new TempDirectory();
        File.WriteAllText(work.File("settings.json"), """{ "Bots": [ { "Id": "one", "Strategys": [] } ] }""");

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "run", "--config", "settings.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("Bots:0:Strategys: there is no such setting (known: Id, Name, Strategies,", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ReadsPrefixedEnvironmentVariables_AndKeysOnTheCommandLine()
    {
        using var work = new TempDirectory();
        var environment = new Dictionary<string, string> { ["CO_Runtime__InputCapacity"] = "0" };

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, environment, "run", "--Events:RetentionPerBot=0", "--Plugins:Watch", "sometimes");

        Assert.Equal(2, exitCode);
        Assert.Contains("Runtime:InputCapacity: 0 is not a queue length: at least 1", errors, StringComparison.Ordinal);
        Assert.Contains("Events:RetentionPerBot: 0 is not a number of events: at least 1", errors, StringComparison.Ordinal);
        Assert.Contains("'sometimes' at 'Plugins:Watch'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithAMissingConfigFile_ExitsTwo_NamingIt()
    {
        using var work = new TempDirectory();

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "run", "--config", "absent.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("--config 'absent.json' does not exist", errors, StringComparison.Ordinal);
    }
}
