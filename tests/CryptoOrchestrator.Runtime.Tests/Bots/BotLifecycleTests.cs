using CryptoOrchestrator.Runtime.Bots;

namespace CryptoOrchestrator.Runtime.Tests.Bots;

public sealed class BotLifecycleTests : IDisposable
{
    private readonly HostDirectory _directory = new();

    public BotLifecycleTests() => _directory.InstallSource("Counting");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task PausedBot_LeavesItsQueueWaiting_YetStillRunsControlWork()
    {
        using var host = _directory.CreateHost();
        host.Start();
        var bot = host.StartBot(Streams.Bot("paused", "counting"));
        bot.Pause();
        var bars = Streams.Bars(100);
        foreach (var bar in bars)
        {
            Assert.True(bot.Post(Streams.Btc, bar));
        }

        var seen = await bot.InvokeAsync(_ => bot.EventsProcessed).WaitAsync(TimeSpan.FromSeconds(10));
        bot.Resume();
        bot.CompleteInput();
        await bot.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, seen);
        Assert.Equal(100, bot.EventsProcessed);
        Assert.Equal(BotState.Completed, bot.State);
    }

    [Fact]
    public async Task StoppedBot_EndsAfterTheEventInHand_LeavingTheRestUnprocessed()
    {
        using var host = _directory.CreateHost();
        host.Start();
        var bot = host.StartBot(Streams.Bot("stopped", "counting"));
        bot.Pause();
        foreach (var bar in Streams.Bars(50))
        {
            bot.Post(Streams.Btc, bar);
        }

        bot.Stop();
        await bot.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(BotState.Stopped, bot.State);
        Assert.Equal(0, bot.EventsProcessed);
        Assert.False(bot.Post(Streams.Btc, Streams.Bars(1)[0]));
    }

    [Fact]
    public async Task BoundedQueue_HoldsThePosterBack_UntilTheBotTakesMore()
    {
        using var host = _directory.CreateHost();
        host.Start();
        var bot = host.StartBot(Streams.Bot("bounded", "counting") with { InputCapacity = 4 });
        bot.Pause();
        var bars = Streams.Bars(5);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(await bot.PostAsync(Streams.Btc, bars[i]));
        }

        var fifth = bot.PostAsync(Streams.Btc, bars[4]).AsTask();
        await Task.Delay(100);
        Assert.False(fifth.IsCompleted, "a full queue makes the poster wait");

        bot.Resume();
        Assert.True(await fifth.WaitAsync(TimeSpan.FromSeconds(10)));
        bot.CompleteInput();
        await bot.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(5, bot.EventsProcessed);
    }

    [Fact]
    public async Task StepOfMoreBarsThanInstruments_IsRefused()
    {
        using var host = _directory.CreateHost();
        host.Start();
        using var bot = host.StartBot(Streams.Bot("one-instrument", "counting"));
        var bars = Streams.Bars(2);

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => bot.PostStepAsync([(Streams.Btc, bars[0]), (Streams.Btc, bars[1])]).AsTask());

        Assert.Contains("bot 'one-instrument' has 1, and 2 bars came", refusal.Message, StringComparison.Ordinal);
    }
}
