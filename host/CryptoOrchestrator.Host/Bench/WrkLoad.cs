namespace CryptoOrchestrator.Host.Bench;

/// <summary>How wrk loads the server: threads, open connections, run time, and the pause each connection makes between requests (0: none).</summary>
internal sealed record WrkLoad(int Threads, int Connections, TimeSpan Duration, int DelayMs);
