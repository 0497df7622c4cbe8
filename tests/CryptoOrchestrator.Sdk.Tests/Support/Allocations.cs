namespace CryptoOrchestrator.Sdk.Tests.Support;

internal static class Allocations
{
    /// <summary>
    /// Bytes the current thread allocates while <paramref name="action"/> runs <paramref name="times"/>
    /// times, after one warm-up call: the least of three rounds. The runtime itself now and then
    /// allocates on the thread (tiered recompilation under load); code that allocates per call does so
    /// in every round, so the minimum still shows it.
    /// </summary>
    public static long Measure(int times, Action<int> action)
    {
        action(0);
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 1; i <= times; i++)
            {
                action(i);
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
