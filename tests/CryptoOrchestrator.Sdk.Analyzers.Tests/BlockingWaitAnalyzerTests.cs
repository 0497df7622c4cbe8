using CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

namespace CryptoOrchestrator.Sdk.Analyzers.Tests;

public sealed class BlockingWaitAnalyzerTests
{
    [Theory]
    [InlineData("Thread.Sleep(10);", "Thread.Sleep(10)")]
    [InlineData("Thread.Sleep(TimeSpan.FromSeconds(1));", "Thread.Sleep(TimeSpan.FromSeconds(1))")]
    [InlineData("Task.Delay(10).Wait();", "Task.Delay(10).Wait()")]
    [InlineData("Task.WaitAll(Task.CompletedTask);", "Task.WaitAll(Task.CompletedTask)")]
    [InlineData("Task.WaitAny(Task.CompletedTask);", "Task.WaitAny(Task.CompletedTask)")]
    [InlineData("var value = Task.FromResult(1).Result;", "Task.FromResult(1).Result")]
    [InlineData("var value = new ValueTask<int>(1).Result;", "new ValueTask<int>(1).Result")]
    [InlineData("Task.CompletedTask.GetAwaiter().GetResult();", "Task.CompletedTask.GetAwaiter().GetResult()")]
    [InlineData("var value = Task.FromResult(1).ConfigureAwait(false).GetAwaiter().GetResult();", "Task.FromResult(1).ConfigureAwait(false).GetAwaiter().GetResult()")]
    [InlineData("SpinWait.SpinUntil(() => true);", "SpinWait.SpinUntil(() => true)")]
    [InlineData("Monitor.Wait(_gate);", "Monitor.Wait(_gate)")]
    [InlineData("_signal.WaitOne();", "_signal.WaitOne()")]
    [InlineData("WaitHandle.WaitAll([_signal]);", "WaitHandle.WaitAll([_signal])")]
    [InlineData("_semaphore.Wait();", "_semaphore.Wait()")]
    [InlineData("Thread.CurrentThread.Join(5);", "Thread.CurrentThread.Join(5)")]
    public void BlockingWait_InStrategy_IsFlagged(string statement, string flaggedCode)
    {
        const string Members = """
            private readonly object _gate = new();
            private readonly ManualResetEvent _signal = new(false);
            private readonly SemaphoreSlim _semaphore = new(1);
            """;

        var findings = AnalyzerRun.Report(Snippets.Strategy(statement, Members));

        Assert.Equal([$"CO1003 {flaggedCode}"], findings);
    }

    [Fact]
    public void Message_NamesTheApi_AndExplainsTheWatchdog()
    {
        var finding = Assert.Single(AnalyzerRun.Analyze(Snippets.Strategy("Task.CompletedTask.GetAwaiter().GetResult();")));

        Assert.Equal(
            "'GetAwaiter().GetResult()' blocks the calling thread; a plugin callback must return promptly, and the watchdog quarantines slow callbacks",
            finding.Message);
    }

    [Fact]
    public void AwaitAndNonBlockingCalls_AreNotFlagged()
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy("", """
            private static async Task<int> LoadAsync(Task<int> pending)
            {
                await Task.Yield();
                var done = pending.IsCompleted;
                return done ? await pending : await pending.ConfigureAwait(false);
            }
            """));

        Assert.Empty(findings);
    }

    [Fact]
    public void BlockingWait_InRiskRule_IsFlagged()
    {
        var findings = AnalyzerRun.Report(Snippets.RiskRule("Thread.Sleep(1);"));

        Assert.Equal(["CO1003 Thread.Sleep(1)"], findings);
    }
}
