namespace CryptoOrchestrator.Runtime.Tests.Metrics;

/// <summary>
/// Tests that read process-wide metric totals (bots by status count every manager in the process) run alone,
/// after the tests that run in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "process-wide metrics";
}
