using CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

namespace CryptoOrchestrator.Sdk.Analyzers.Tests;

public sealed class WallClockAnalyzerTests
{
    [Theory]
    [InlineData("var now = DateTime.Now;", "DateTime.Now")]
    [InlineData("var now = DateTime.UtcNow;", "DateTime.UtcNow")]
    [InlineData("var today = DateTime.Today;", "DateTime.Today")]
    [InlineData("var now = DateTimeOffset.Now;", "DateTimeOffset.Now")]
    [InlineData("var now = DateTimeOffset.UtcNow;", "DateTimeOffset.UtcNow")]
    [InlineData("var ticks = Environment.TickCount;", "Environment.TickCount")]
    [InlineData("var ticks = Environment.TickCount64;", "Environment.TickCount64")]
    [InlineData("var clock = TimeProvider.System;", "TimeProvider.System")]
    [InlineData("var watch = Stopwatch.StartNew();", "Stopwatch.StartNew()")]
    [InlineData("var watch = new Stopwatch();", "new Stopwatch()")]
    [InlineData("var stamp = Stopwatch.GetTimestamp();", "Stopwatch.GetTimestamp()")]
    [InlineData("Func<long> read = Stopwatch.GetTimestamp;", "Stopwatch.GetTimestamp")]
    public void WallClockRead_InStrategy_IsFlagged(string statement, string flaggedCode)
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy(statement));

        Assert.Equal([$"CO1001 {flaggedCode}"], findings);
    }

    [Fact]
    public void WallClockRead_ThroughAnAliasOrUsingStatic_IsFlagged()
    {
        var source = """
            using static System.DateTime;
            using Moment = System.DateTimeOffset;

            """ + Snippets.Strategy("var a = UtcNow; var b = Moment.Now; var c = global::System.DateTime.Today;");

        var findings = AnalyzerRun.Report(source);

        Assert.Equal(
            ["CO1001 UtcNow", "CO1001 Moment.Now", "CO1001 global::System.DateTime.Today"],
            findings);
    }

    [Fact]
    public void StopwatchMembers_OnAnExistingWatch_AreFlagged()
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy("", """
            private static TimeSpan Measure(Stopwatch watch)
            {
                watch.Restart();
                return watch.Elapsed;
            }
            """));

        Assert.Equal(["CO1001 watch.Restart()", "CO1001 watch.Elapsed"], findings);
    }

    [Fact]
    public void ChainedWallClockReads_AreReportedOnce_AtTheSource()
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy("var ms = Stopwatch.StartNew().ElapsedMilliseconds + DateTime.UtcNow.Ticks;"));

        Assert.Equal(["CO1001 Stopwatch.StartNew()", "CO1001 DateTime.UtcNow"], findings);
    }

    [Fact]
    public void Message_NamesTheApi_AndPointsToTheContextClock()
    {
        var finding = Assert.Single(AnalyzerRun.Analyze(Snippets.Strategy("var now = DateTimeOffset.UtcNow;")));

        Assert.Equal(
            "'DateTimeOffset.UtcNow' reads the wall clock; use the context's Clock (IPluginContext.Clock: NowMs or UtcNow), which is the simulated time in a backtest",
            finding.Message);
    }

    [Fact]
    public void ContextClock_IsNotFlagged()
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy("""
            var ms = _context.Clock.NowMs;
            var now = _context.Clock.UtcNow;
            var later = now.AddMinutes(1) - DateTimeOffset.FromUnixTimeMilliseconds(ms);
            var parsed = DateTime.Parse("2024-01-01", System.Globalization.CultureInfo.InvariantCulture);
            """));

        Assert.Empty(findings);
    }
}
