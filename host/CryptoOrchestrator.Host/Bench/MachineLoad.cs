namespace CryptoOrchestrator.Host.Bench;

/// <summary>The machine's load average, printed beside every bench's figures: on a shared machine they mean little without it.</summary>
internal static class MachineLoad
{
    public static string Now() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
