using System.Text.Json;
using System.Text.RegularExpressions;

namespace CryptoOrchestrator.Host.Tests;

public class PluginsCliTests
{
    [Fact]
    public void Plugins_WithoutASubcommand_ListsBothReferenceStrategiesAsActive()
    {
        using var work = new TempDirectory();

        var (exitCode, output, errors) = Orchestrator.Run(work.Path, "plugins", "--state", work.File("status.json"));

        Assert.True(exitCode == 0, errors);
        Assert.Matches(@"^ID\s+VERSION\s+KIND\s+STATUS\s+REASON\s+SOURCE$", Lines(output)[0]);
        Assert.Contains(Lines(output), line => Regex.IsMatch(line, @"^momentum\s+1\.0\.0\s+Strategy\s+Active\s+CryptoOrchestrator\.Strategies\.Momentum$"));
        Assert.Contains(Lines(output), line => Regex.IsMatch(line, @"^sma-crossover\s+1\.0\.0\s+Strategy\s+Active\s+CryptoOrchestrator\.Strategies\.SmaCrossover$"));
        Assert.False(File.Exists(work.File("status.json")), "Listing must not write the status file.");
    }

    [Fact]
    public void Disable_ThenEnable_IsRecordedInTheStateFile_AndShownByList()
    {
        using var work = new TempDirectory();
        var state = work.File("state/plugin-status.json");

        var disabled = Orchestrator.Run(work.Path, "plugins", "disable", "momentum", "--reason", "paused by the desk", "--state", state);
        var listed = Orchestrator.Run(work.Path, "plugins", "list", "--state", state);

        Assert.True(disabled.ExitCode == 0, disabled.Errors);
        Assert.Contains("disabled momentum: paused by the desk", disabled.Output, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(File.ReadAllText(state)))
        {
            var record = Assert.Single(json.RootElement.GetProperty("plugins").EnumerateArray());
            Assert.Equal("momentum", record.GetProperty("id").GetString());
            Assert.Equal("Disabled", record.GetProperty("status").GetString());
            Assert.Equal("paused by the desk", record.GetProperty("reason").GetString());
        }

        Assert.True(listed.ExitCode == 0, listed.Errors);
        Assert.Contains(Lines(listed.Output), line => Regex.IsMatch(line, @"^momentum\s+1\.0\.0\s+Strategy\s+Disabled\s+paused by the desk\s+CryptoOrchestrator\.Strategies\.Momentum$"));

        var enabled = Orchestrator.Run(work.Path, "plugins", "enable", "momentum", "--state", state);
        var relisted = Orchestrator.Run(work.Path, "plugins", "list", "--state", state);

        Assert.True(enabled.ExitCode == 0, enabled.Errors);
        Assert.Contains("enabled momentum (was Disabled: paused by the desk)", enabled.Output, StringComparison.Ordinal);
        Assert.Contains(Lines(relisted.Output), line => Regex.IsMatch(line, @"^momentum\s+1\.0\.0\s+Strategy\s+Active\s"));
    }

    [Fact]
    public void DisabledStrategy_RefusesToBacktest_NamingTheReason_UntilEnabled()
    {
        using var work = new TempDirectory();
        var state = work.File("state/plugin-status.json");
        Orchestrator.Run(work.Path, "plugins", "disable", "momentum", "--reason", "under review", "--state", state);

        var refused = Orchestrator.Run(work.Path, "backtest", "--strategy", "momentum", "--out", "m", "--state", state);
        Orchestrator.Run(work.Path, "plugins", "enable", "momentum", "--state", state);
        var ran = Orchestrator.Run(work.Path, "backtest", "--strategy", "momentum", "--out", "m", "--state", state);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("but Disabled: under review", refused.Errors, StringComparison.Ordinal);
        Assert.True(ran.ExitCode == 0, ran.Errors);
        Assert.True(File.Exists(work.File("m/results.json")));
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("enable")]
    public void UnknownId_FailsWithExitCode1_ListingTheKnownIds(string subcommand)
    {
        using var work = new TempDirectory();
        var state = work.File("status.json");

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "plugins", subcommand, "rsi-reversal", "--state", state);

        Assert.Equal(1, exitCode);
        Assert.Contains("No plugin 'rsi-reversal' is installed", errors, StringComparison.Ordinal);
        Assert.Contains("Known: momentum, sma-crossover.", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(state));
    }

    [Fact]
    public void BrokenPlugin_IsListedWithItsProblem_AndTheListExitsWith1()
    {
        using var work = new TempDirectory();
        var plugins = Directory.CreateDirectory(work.File("plugins")).FullName;
        var sma = Directory.CreateDirectory(Path.Combine(plugins, "CryptoOrchestrator.Strategies.SmaCrossover")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Orchestrator.OutputDirectory, "plugins", "CryptoOrchestrator.Strategies.SmaCrossover")))
        {
            File.Copy(file, Path.Combine(sma, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(plugins, "Broken"));
        File.WriteAllBytes(Path.Combine(plugins, "Broken", "Broken.dll"), [77, 90, 1, 2, 3]);

        var (exitCode, output, _) = Orchestrator.Run(work.Path, "plugins", "list", "--plugins", plugins, "--state", work.File("status.json"));

        Assert.Equal(1, exitCode);
        Assert.Contains(Lines(output), line => Regex.IsMatch(line, @"^sma-crossover\s+1\.0\.0\s+Strategy\s+Active\s"));
        Assert.Contains(Lines(output), line => Regex.IsMatch(line, @"^-\s+-\s+-\s+Malfunctioned\s+Unreadable: cannot be loaded as an assembly: BadImageFormatException.*\s+Broken$"));
    }

    [Fact]
    public void CorruptStateFile_FailsNamingFileAndLine_AndIsLeftAlone()
    {
        using var work = new TempDirectory();
        var state = work.File("status.json");
        const string corrupt = "{\n  \"format\": 1,\n  \"plugins\": [ { \"id\": \"momentum\", \"status\": \"Paused\" } ]\n}";
        File.WriteAllText(state, corrupt);

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "plugins", "disable", "momentum", "--state", state);

        Assert.Equal(1, exitCode);
        Assert.Contains($"'{state}', line 3", errors, StringComparison.Ordinal);
        Assert.Contains("status 'Paused'", errors, StringComparison.Ordinal);
        Assert.Equal(corrupt, File.ReadAllText(state));
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
