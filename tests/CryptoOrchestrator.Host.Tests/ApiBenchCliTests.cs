using System.Globalization;
using System.Text.RegularExpressions;

namespace CryptoOrchestrator.Host.Tests;

/// <summary><c>orchestrator bench api</c> at small numbers: wrk against the real host, and WebSocket fan-out.</summary>
public partial class ApiBenchCliTests
{
    [Fact]
    public void BenchApi_LoadsThePositionsEndpointWithWrk_AndTimesFanOutToEveryClient()
    {
        using var work = new TempDirectory();

        var (exitCode, output, errors) = Orchestrator.Run(work.Path, "bench", "api", "--duration", "1", "--runs", "1", "--connections", "4",
            "--rate", "200", "--fanout", "20", "--events", "10", "--event-rate", "50", "--bars", "300");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("the paper bot traded 300 bars and holds", errors, StringComparison.Ordinal);
        Assert.Contains("load average before:", errors, StringComparison.Ordinal);
        var closed = Row(output, @"closed loop, 4 connections");
        var paced = Row(output, @"paced at 200/s \(\d+ connections × 10 ms pause\)");
        foreach (var row in new[] { closed, paced })
        {
            Assert.True(row.RequestsPerSecond > 0, output);
            Assert.True(row.P50 > 0 && row.P50 <= row.P95 && row.P95 <= row.P99, output);
            Assert.Equal("0 / 0", row.Failures);
        }

        var fanout = FanoutRow().Match(output);
        Assert.True(fanout.Success, output);
        Assert.True(Number(fanout, "p50") > 0 && Number(fanout, "p50") <= Number(fanout, "p99") && Number(fanout, "p99") <= Number(fanout, "max"), output);
        Assert.Matches(@"fan-out, 20 WebSockets, 10 events at 50/s \(in-process bus\): delivered\s+200 of 200", output);
    }

    [Fact]
    public void BenchApi_WithoutWrk_FailsNamingTheDebianPackage()
    {
        using var work = new TempDirectory();
        // Only the folder of the dotnet executable on PATH: no wrk to be found.
        var path = Path.GetDirectoryName(Environment.ProcessPath)!;

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, new Dictionary<string, string> { ["PATH"] = path }, "bench", "api", "--duration", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("wrk", errors, StringComparison.Ordinal);
        Assert.Contains("apt-get install wrk", errors, StringComparison.Ordinal);
    }

    private static (double RequestsPerSecond, double P50, double P95, double P99, string Failures) Row(string output, string label)
    {
        var rate = Regex.Match(output, label + @": requests/s\s+([0-9,]+)");
        var latency = Regex.Match(output, label + @": p50 / p95 / p99\s+([0-9.]+) ms / ([0-9.]+) ms / ([0-9.]+) ms");
        var failures = Regex.Match(output, label + @": errors / non-2xx\s+(\d+ / \d+)");
        Assert.True(rate.Success && latency.Success && failures.Success, $"no rows for '{label}' in:\n{output}");
        double Parse(Group group) => double.Parse(group.Value, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return (Parse(rate.Groups[1]), Parse(latency.Groups[1]), Parse(latency.Groups[2]), Parse(latency.Groups[3]), failures.Groups[1].Value);
    }

    private static double Number(Match match, string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"p50 / p99 / max\s+(?<p50>[0-9.]+) ms / (?<p99>[0-9.]+) ms / (?<max>[0-9.]+) ms")]
    private static partial Regex FanoutRow();
}
