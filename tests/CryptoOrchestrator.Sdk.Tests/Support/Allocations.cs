namespace CryptoOrchestrator.Sdk.Tests.Support;

internal static class Allocations
{
    /// <summary>Bytes the current thread allocates while <paramref name="action"/> runs <paramref name="times"/> times, after one warm-up call.</summary>
    public static long Measure(int times, Action<int> action)
    {
        action(0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i <= times; i++)
        {
            action(i);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
