using System.Diagnostics;

namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>
/// Watches one unloaded plugin context through a weak reference until the garbage collector has
/// reclaimed it; then deletes its shadow copy. Holds nothing of the plugin's but strings.
/// </summary>
public sealed class UnloadHandle
{
    private readonly WeakReference? _context;
    private readonly ShadowCopy? _shadow;
    private readonly string _sourcePath;
    private readonly IReadOnlyList<string> _pluginIds;

    internal UnloadHandle(string contextName, WeakReference? context, ShadowCopy? shadow, string sourcePath, IReadOnlyList<string> pluginIds)
    {
        ContextName = contextName;
        _context = context;
        _shadow = shadow;
        _sourcePath = sourcePath;
        _pluginIds = pluginIds;
    }

    /// <summary>The context's name, e.g. <c>Momentum#3</c>.</summary>
    public string ContextName { get; }

    /// <summary>Whether the context has been collected (true for a load that never created one).</summary>
    public bool IsCollected
    {
        get
        {
            if (_context is { IsAlive: true })
            {
                return false;
            }

            _shadow?.Delete();
            return true;
        }
    }

    /// <summary>
    /// Runs full blocking collections, each followed by the pending finalizers, until the context is
    /// gone or <paramref name="maxGcRounds"/> rounds have run. Callers must have dropped every instance,
    /// type and delegate of the plugin first (and not hold one in a local of the calling method).
    /// </summary>
    public UnloadOutcome WaitForCollection(int maxGcRounds = 20)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxGcRounds);
        var started = Stopwatch.GetTimestamp();
        var rounds = 0;
        while (!IsCollected && rounds < maxGcRounds)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            rounds++;
        }

        var collected = IsCollected;
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new UnloadOutcome(ContextName, collected, rounds, elapsed)
        {
            LeakReport = collected ? null : LeakReport(rounds, elapsed),
        };
    }

    private string LeakReport(int rounds, TimeSpan elapsed)
    {
        var plugins = _pluginIds.Count == 0 ? "" : $" (plugins: {string.Join(", ", _pluginIds)})";
        return $"Plugin context '{ContextName}' from {_sourcePath}{plugins} is still alive after {rounds} full collections ({elapsed.TotalMilliseconds:F0} ms). "
            + "Something outside it still references its code. Likely causes: an instance of one of its types still held (a strategy kept by a pipeline, list or cache); "
            + "a delegate or event handler into it registered with the host, the SDK or a static (AppDomain, TaskScheduler, timers); "
            + "a thread or timer it started that is still running; its Type, Assembly, exception or an object it returned kept after unload "
            + "(keep type names and messages as strings instead).";
    }
}
