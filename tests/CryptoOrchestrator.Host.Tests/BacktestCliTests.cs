using System.Globalization;
using System.Text.Json;

namespace CryptoOrchestrator.Host.Tests;

public class BacktestCliTests
{
    [Fact]
    public void NoArguments_RunsTheDefaultBacktest_AndWritesAllResults()
    {
        using var work = new TempDirectory();

        var (exitCode, output, errors) = Orchestrator.Run(work.Path);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("sma-crossover", output, StringComparison.Ordinal);
        Assert.Contains("Sharpe", output, StringComparison.Ordinal);
        var results = work.File("results/sma-crossover");
        var equity = File.ReadAllLines(Path.Combine(results, "equity.csv"));
        var bundledBars = File.ReadAllLines(Path.Combine(Orchestrator.OutputDirectory, "data", "BTCUSDT-1h.csv")).Length - 1;
        Assert.Equal(bundledBars + 1, equity.Length);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "results.json")));
        var trades = File.ReadAllLines(Path.Combine(results, "trades.csv")).Length - 1;
        Assert.True(trades > 10);
        Assert.Equal(trades, json.RootElement.GetProperty("trades").GetInt32());
        Assert.Equal(trades, json.RootElement.GetProperty("metrics").GetProperty("tradeCount").GetInt32());
        var finalEquity = json.RootElement.GetProperty("metrics").GetProperty("finalEquity").GetDecimal();
        Assert.Equal(finalEquity, decimal.Parse(equity[^1].Split(',')[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ExplicitOptions_AreHonoured_AndRecorded()
    {
        using var work = new TempDirectory();
        var data = SampleData.WriteHourlyCsv(work.File("ETHUSDT-1h.csv"), 600);

        var (exitCode, _, errors) = Orchestrator.Run(
            work.Path,
            "backtest", "--strategy", "sma-crossover", "--data", data, "--cash", "5000", "--commission", "0.002",
            "--fill", "close", "--sizing", "fixed:0.5", "--param", "fast=5", "--param", "slow=30", "--out", "out");

        Assert.True(exitCode == 0, errors);
        using var json = JsonDocument.Parse(File.ReadAllText(work.File("out/results.json")));
        var run = json.RootElement.GetProperty("run");
        Assert.Equal("ETHUSDT", run.GetProperty("symbol").GetString());
        Assert.Equal(5000m, run.GetProperty("initialCash").GetDecimal());
        Assert.Equal("close", run.GetProperty("fill").GetString());
        var parameters = run.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!, p => p.GetProperty("value").GetString());
        Assert.Equal("5", parameters["fast"]);
        Assert.Equal("30", parameters["slow"]);
        var trades = File.ReadAllLines(work.File("out/trades.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.NotEmpty(trades);
        Assert.All(trades, t => Assert.Equal(0.5m, decimal.Parse(t[4], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void MomentumStrategy_Runs()
    {
        using var work = new TempDirectory();

        var (exitCode, output, errors) = Orchestrator.Run(work.Path, "backtest", "--strategy", "momentum", "--out", "m");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("momentum", output, StringComparison.Ordinal);
        Assert.True(File.Exists(work.File("m/trades.csv")));
    }

    [Fact]
    public void BadDataFile_FailsWithFileLineAndColumn()
    {
        using var work = new TempDirectory();
        var data = SampleData.WriteHourlyCsv(work.File("BTCUSDT-1h.csv"), 50);
        var lines = File.ReadAllLines(data);
        var fields = lines[10].Split(',');
        fields[4] = "12x.5";
        lines[10] = string.Join(',', fields);
        File.WriteAllLines(data, lines);

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "backtest", "--data", data);

        Assert.Equal(1, exitCode);
        Assert.Contains("BTCUSDT-1h.csv", errors, StringComparison.Ordinal);
        Assert.Contains("line 11", errors, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("close", errors, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(work.File("results")));
    }

    [Fact]
    public void UnknownStrategy_FailsListingTheInstalledOnes()
    {
        using var work = new TempDirectory();

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "backtest", "--strategy", "no-such-thing");

        Assert.Equal(1, exitCode);
        Assert.Contains("no-such-thing", errors, StringComparison.Ordinal);
        Assert.Contains("sma-crossover", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfRangeParameter_FailsNamingIt()
    {
        using var work = new TempDirectory();

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "backtest", "--param", "fast=0");

        Assert.Equal(1, exitCode);
        Assert.Contains("fast", errors, StringComparison.Ordinal);
        Assert.Contains("sma-crossover", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void BadSizing_IsAUsageError()
    {
        using var work = new TempDirectory();

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "backtest", "--sizing", "lots-of-it");

        Assert.Equal(2, exitCode);
        Assert.Contains("--sizing", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void TwapExecution_IsRecordedInTheRunDescription()
    {
        using var work = new TempDirectory();

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "backtest", "--execution", "twap:3", "--out", "t");

        Assert.True(exitCode == 0, errors);
        using var json = JsonDocument.Parse(File.ReadAllText(work.File("t/results.json")));
        Assert.Equal("twap:3", json.RootElement.GetProperty("run").GetProperty("execution").GetString());
    }

    [Fact]
    public void BadExecution_IsAUsageError()
    {
        using var work = new TempDirectory();

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "backtest", "--execution", "twap:0");

        Assert.Equal(2, exitCode);
        Assert.Contains("--execution", errors, StringComparison.Ordinal);
        Assert.Contains("twap:SLICES", errors, StringComparison.Ordinal);
    }
}
