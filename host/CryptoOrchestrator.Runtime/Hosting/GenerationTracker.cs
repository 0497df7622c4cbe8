using CryptoOrchestrator.Plugins.Loading;

namespace CryptoOrchestrator.Runtime.Hosting;

/// <summary>
/// Counts who still uses each loaded generation — the current version of its source and every bot
/// slot running one of its instances — and unloads a generation when nobody does, then checks in the
/// background that its context was really collected. Not thread-safe: the host calls it under its lock.
/// </summary>
internal sealed class GenerationTracker(int gcRounds, Action<PluginHostEvent> report)
{
    private readonly Dictionary<LoadedPlugin, int> _users = new(ReferenceEqualityComparer.Instance);
    private readonly List<Task> _verifications = [];

    public void Acquire(LoadedPlugin generation) => _users[generation] = _users.GetValueOrDefault(generation) + 1;

    public void Release(LoadedPlugin generation)
    {
        var left = _users.GetValueOrDefault(generation) - 1;
        if (left > 0)
        {
            _users[generation] = left;
            return;
        }

        _users.Remove(generation);
        Retire(generation);
    }

    /// <summary>Unloads a generation nobody uses (or one never taken into use) and verifies its collection.</summary>
    public void Retire(LoadedPlugin generation)
    {
        var handle = generation.Unload();
        _verifications.RemoveAll(task => task.IsCompleted);
        _verifications.Add(Task.Run(() => Verify(handle)));
    }

    /// <summary>Every collection check started so far, to await before reading their outcome.</summary>
    public Task WhenVerified() => Task.WhenAll([.. _verifications]);

    private void Verify(UnloadHandle handle)
    {
        // A context can be held for a moment by the runtime itself (a background tier-up compile of one
        // of its methods, a work item in flight), so a context still alive is given a few more chances,
        // with growing pauses (1.5 s in all), before it is called a leak.
        var outcome = handle.WaitForCollection(gcRounds);
        for (var pause = 50; !outcome.Collected && pause <= 800; pause *= 2)
        {
            Thread.Sleep(pause);
            outcome = handle.WaitForCollection(gcRounds);
        }

        report(outcome.Collected
            ? new ContextCollected(outcome.ContextName, outcome.GcRounds, outcome.Elapsed)
            : new ContextLeaked(outcome.ContextName, outcome.LeakReport ?? "not collected"));
    }
}
