namespace CryptoOrchestrator.Host.Bench;

/// <summary>What one wrk run measured: requests answered, socket errors and non-2xx answers, and latency percentiles in milliseconds.</summary>
internal sealed record WrkResult(WrkLoad Load, long Requests, TimeSpan Duration, long Errors, long Non2xx, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;
}
