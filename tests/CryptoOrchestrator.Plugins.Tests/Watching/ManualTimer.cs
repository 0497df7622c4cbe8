namespace CryptoOrchestrator.Plugins.Tests.Watching;

/// <summary>A timer of <see cref="ManualTimeProvider"/>; its state is guarded by the provider.</summary>
internal sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    internal DateTimeOffset? Due { get; set; }

    internal TimeSpan Period { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>What the owner of the timer says its state is (the watcher: the source's path).</summary>
    internal string? StateText { get; } = state?.ToString();

    public bool Change(TimeSpan dueTime, TimeSpan period) => owner.Arm(this, dueTime, period);

    public void Dispose() => owner.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Fire() => callback(state);
}
