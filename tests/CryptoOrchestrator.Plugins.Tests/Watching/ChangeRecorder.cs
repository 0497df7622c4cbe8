using CryptoOrchestrator.Plugins.Watching;

namespace CryptoOrchestrator.Plugins.Tests.Watching;

/// <summary>Keeps the changes a watcher reports, from any thread, and lets a test wait for them.</summary>
internal sealed class ChangeRecorder
{
    private readonly object _gate = new();
    private readonly List<PluginChange> _changes = [];

    public IReadOnlyList<PluginChange> Changes
    {
        get
        {
            lock (_gate)
            {
                return [.. _changes];
            }
        }
    }

    public void Record(PluginChange change)
    {
        lock (_gate)
        {
            _changes.Add(change);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits for <paramref name="count"/> changes (failing the test on timeout); returns them ordered by path.</summary>
    public IReadOnlyList<PluginChange> WaitFor(int count, TimeSpan timeout)
    {
        lock (_gate)
        {
            Assert.True(
                MonitorWait.Until(_gate, () => _changes.Count >= count, timeout),
                $"expected {count} change(s) within {timeout}, got: {string.Join("; ", _changes)}");
            return [.. _changes.OrderBy(c => c.SourcePath, StringComparer.Ordinal)];
        }
    }
}
