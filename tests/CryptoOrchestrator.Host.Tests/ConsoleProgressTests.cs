using CryptoOrchestrator.Host.Output;

namespace CryptoOrchestrator.Host.Tests;

public class ConsoleProgressTests
{
    [Fact]
    public void StaysQuiet_DuringTheFirstSecond()
    {
        var time = new ManualTime();
        var output = new StringWriter();
        using (var progress = new ConsoleProgress("run", output, time))
        {
            time.Advance(TimeSpan.FromMilliseconds(900));
            progress.Report(0.5);
            progress.Report(1.0);
        }

        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Draws_AfterASecond_AtMostTenTimesASecond_AndEndsTheLine()
    {
        var time = new ManualTime();
        var output = new StringWriter();
        using (var progress = new ConsoleProgress("run", output, time))
        {
            time.Advance(TimeSpan.FromSeconds(1.5));
            progress.Report(0.25);
            time.Advance(TimeSpan.FromMilliseconds(10));
            progress.Report(0.30); // too soon after the last draw
            time.Advance(TimeSpan.FromMilliseconds(200));
            progress.Report(0.50);
            progress.Report(1.0); // completion is always drawn
        }

        var text = output.ToString();
        Assert.Equal(3, text.Count(c => c == '\r'));
        Assert.Contains("25.0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("30.0", text, StringComparison.Ordinal);
        Assert.Contains("100.0", text, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
