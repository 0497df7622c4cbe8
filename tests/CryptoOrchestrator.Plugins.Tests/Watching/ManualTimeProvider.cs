namespace CryptoOrchestrator.Plugins.Tests.Watching;

/// <summary>
/// A clock that moves only when a test calls <see cref="Advance"/>; due timers fire on the caller's thread.
/// Tests also wait for a given timer to be armed, which tells them the watcher has taken in a file-system event.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Waits until a timer whose state prints as <paramref name="state"/> is armed; false on timeout.</summary>
    public bool WaitForArmed(string state, TimeSpan timeout)
    {
        lock (_gate)
        {
            return MonitorWait.Until(_gate, () => _timers.Any(t => t.Due is not null && t.StateText == state), timeout);
        }
    }

    /// <summary>Moves the clock on and fires, in due order, every timer due by then.</summary>
    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = [.. _timers.Where(t => t.Due <= _now).OrderBy(t => t.Due)];
            foreach (var timer in due)
            {
                timer.Due = timer.Period == Timeout.InfiniteTimeSpan ? null : timer.Due + timer.Period;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    internal bool Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (!_timers.Contains(timer))
            {
                return false;
            }

            timer.Due = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            timer.Period = period;
            Monitor.PulseAll(_gate);
            return true;
        }
    }

    internal void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            timer.Due = null;
        }
    }
}
