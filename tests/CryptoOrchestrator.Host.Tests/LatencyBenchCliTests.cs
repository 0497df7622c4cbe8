using System.Globalization;
using System.Text.RegularExpressions;

namespace CryptoOrchestrator.Host.Tests;

public partial class LatencyBenchCliTests
{
    [Fact]
    public void BenchLatency_TimesEveryOrderOfAPaperBot_AndReportsItsPercentiles()
    {
        using var work = new TempDirectory();

        var (exitCode, output, errors) = Orchestrator.Run(work.Path, "bench", "latency", "--orders", "300", "--warm-up", "50", "--every", "2", "--pause-us", "0");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("700 bars, an order every 2 bars", errors, StringComparison.Ordinal);
        var row = Percentiles().Match(output);
        Assert.True(row.Success, output);
        var (p50, p90, p99) = (Micros(row, 1), Micros(row, 2), Micros(row, 3));
        Assert.True(p50 > 0 && p50 <= p90 && p90 <= p99, $"p50 {p50}, p90 {p90}, p99 {p99}");
    }

    [Fact]
    public void BenchLatency_RefusesTooFewOrders_AsAUsageError()
    {
        using var work = new TempDirectory();

        var (exitCode, _, errors) = Orchestrator.Run(work.Path, "bench", "latency", "--orders", "10");

        Assert.Equal(2, exitCode);
        Assert.Contains("--orders must be at least 100", errors, StringComparison.Ordinal);
    }

    private static double Micros(Match row, int group) => double.Parse(row.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"p50 / p90 / p99\s+([0-9.]+) µs / ([0-9.]+) µs / ([0-9.]+) µs")]
    private static partial Regex Percentiles();
}
