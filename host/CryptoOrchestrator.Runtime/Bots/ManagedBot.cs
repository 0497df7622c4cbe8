using CryptoOrchestrator.Runtime.Durability;
using CryptoOrchestrator.Runtime.Feeds;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// One bot under a <see cref="BotManager"/>: its recipe, its status, the publisher of its events (for the
/// bot's whole life) and, while it runs, the <see cref="Bot"/> and the task that feeds it.
/// </summary>
internal sealed class ManagedBot(BotRecipe recipe, IMarketFeed feed, BotEventPublisher publisher) : IDisposable
{
    private long _barsFed;

    /// <summary>Guards status and run fields; held only briefly.</summary>
    public Lock State { get; } = new();

    /// <summary>Serialises the long life-cycle steps: start, stop, delete.</summary>
    public SemaphoreSlim Steps { get; } = new(1, 1);

    public BotRecipe Recipe => recipe;

    public IMarketFeed Feed => feed;

    public BotEventPublisher Publisher => publisher;

    public string Id => recipe.Definition.Id;

    public BotStatus Status { get; set; } = BotStatus.Created;

    public string? Reason { get; set; }

    /// <summary>The current or last run's bot; null before the first start.</summary>
    public Bot? Bot { get; set; }

    public BotEventSink? Sink { get; set; }

    /// <summary>The run's journal, when the manager has a store.</summary>
    public BotJournal? Journal { get; set; }

    /// <summary>Cancelled to end the run's feed: by a stop, or when the bot ends by itself.</summary>
    public CancellationTokenSource? FeedStop { get; set; }

    /// <summary>The run's feed pump; completes once the run's final status is set.</summary>
    public Task Run { get; set; } = Task.CompletedTask;

    public bool StopRequested { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The latest close of each instrument by symbol (lock it to use it), for the latest-state cache.</summary>
    public Dictionary<string, (decimal Price, long TimeMs)> LatestCloses { get; } = new(StringComparer.Ordinal);

    /// <summary>When the bot's state last went to the latest-state cache (a <see cref="TimeProvider"/> timestamp); under <see cref="LatestCloses"/>.</summary>
    public long CachedAt { get; set; }

    public long BarsFed => Interlocked.Read(ref _barsFed);

    public void CountBarsFed(int bars) => Interlocked.Add(ref _barsFed, bars);

    public void ResetBarsFed() => Interlocked.Exchange(ref _barsFed, 0);

    public BotInfo Snapshot()
    {
        lock (State)
        {
            return new BotInfo(
                Id, recipe.Definition.DisplayName, Status, Reason, BarsFed, Bot?.EventsProcessed ?? 0, Sink?.Dropped ?? 0, StartedAt, EndedAt, recipe.Definition);
        }
    }

    public void Dispose()
    {
        Steps.Dispose();
        FeedStop?.Dispose();
    }
}
