using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace CryptoOrchestrator.Plugins.Tests.Loading;

public sealed class LoadCycleTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryPluginsDirectory _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void FiveHundredLoadUnloadCycles_CollectEveryContext_AndGrowTheHeapByNoMoreThanFivePercent()
    {
        var folder = _plugins.AddPluginUnderTest(TemporaryPluginsDirectory.SmaCrossoverFolder);

        var result = RunInOwnProcess(folder, Path.Combine(_plugins.Root, "cache"), cycles: 500, batch: 50);

        output.WriteLine($"{result.Cycles} cycles in {result.Seconds:F1} s; heap after the first {result.HeapAfterFirst:N0} B, after the last {result.HeapAfterLast:N0} B; contexts {result.ContextsAfterFirst} → {result.ContextsAfterLast}");
        Assert.Empty(result.Leaks);
        Assert.Equal(500, result.Collected);
        Assert.Equal(result.ContextsAfterFirst, result.ContextsAfterLast);
        // Growth is what a leak looks like; the heap may also shrink as the first cycle's one-time caches settle.
        Assert.True(result.HeapAfterLast <= result.HeapAfterFirst * 1.05, $"The heap grew by more than 5%: {result.HeapAfterFirst:N0} B → {result.HeapAfterLast:N0} B.");
        Assert.Equal(0, result.ShadowCopiesLeft);
    }

    private static LoadCycleResult RunInOwnProcess(string folder, string cache, int cycles, int batch)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(LoadCycleProgram).Assembly.Location, "load-cycles", folder, cache, $"{cycles}", $"{batch}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "The load cycles did not finish in 2 minutes.");
        Assert.True(process.ExitCode == 0, standardError.Result);
        return JsonSerializer.Deserialize<LoadCycleResult>(standardOutput.Result)!;
    }
}
