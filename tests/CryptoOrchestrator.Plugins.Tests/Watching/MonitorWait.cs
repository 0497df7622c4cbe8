namespace CryptoOrchestrator.Plugins.Tests.Watching;

internal static class MonitorWait
{
    /// <summary>With <paramref name="gate"/> held, waits for pulses until <paramref name="condition"/> holds; false on timeout.</summary>
    public static bool Until(object gate, Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            Monitor.Wait(gate, left);
        }

        return true;
    }
}
