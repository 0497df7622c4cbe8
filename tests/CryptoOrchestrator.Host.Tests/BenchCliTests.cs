using System.Globalization;
using System.Text.RegularExpressions;

namespace CryptoOrchestrator.Host.Tests;

public partial class BenchCliTests
{
    [Fact]
    public void Bench_MeasuresAllThreeCases_AndAllocatesNothingPerBar()
    {
        using var work = new TempDirectory();

        var (exitCode, output, errors) = Orchestrator.Run(work.Path, "bench", "--bars", "100000", "--runs", "1");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("In memory: bars per second", output, StringComparison.Ordinal);
        Assert.Contains("CSV end to end: median time", output, StringComparison.Ordinal);
        Assert.Contains("CSV via binary cache: median time", output, StringComparison.Ordinal);
        var bytesPerBar = double.Parse(BytesPerBar().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(bytesPerBar < 0.1, $"{bytesPerBar} bytes per bar");
    }

    [GeneratedRegex(@"bytes allocated per bar\s+([0-9.]+)")]
    private static partial Regex BytesPerBar();
}
