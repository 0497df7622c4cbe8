namespace CryptoOrchestrator.Engine.Tests;

/// <summary>
/// Measures what code allocates on the current thread, as the least over several rounds. The
/// runtime itself now and then allocates a few bytes on the thread while it swaps in optimised
/// code (tier-up is timed, not counted, so no warm-up loop rules it out); code that allocates per
/// call does so in every round, so the least of the rounds still shows it.
/// </summary>
internal static class AllocationProbe
{
    public static long Least(int rounds, Action work)
    {
        var least = long.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            work();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
