using System.Collections.Concurrent;
using CryptoOrchestrator.Runtime.Hosting;

namespace CryptoOrchestrator.Runtime.Tests;

/// <summary>Records a host's events and waits for one to arrive.</summary>
public sealed class HostEvents
{
    private readonly ConcurrentQueue<PluginHostEvent> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public HostEvents(PluginHost host) => host.Changed += (_, change) =>
    {
        _events.Enqueue(change);
        _arrived.Release();
    };

    public IReadOnlyList<PluginHostEvent> All => [.. _events];

    public IEnumerable<T> OfType<T>() => _events.OfType<T>();

    /// <summary>The first event of type <typeparamref name="T"/> matching <paramref name="match"/>; fails after <paramref name="seconds"/>.</summary>
    public async Task<T> WaitFor<T>(Func<T, bool>? match = null, double seconds = 30)
        where T : PluginHostEvent
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = _events.OfType<T>().FirstOrDefault(e => match is null || match(e));
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                Assert.Fail($"No {typeof(T).Name} within {seconds} s. Events: {string.Join(" | ", _events.Select(e => e.Describe()))}");
            }

            await _arrived.WaitAsync(left);
        }
    }
}
