namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>The validated header of a binary bar cache, with its symbol and warnings; the bars follow it.</summary>
internal sealed record BarCacheHeader(
    string Symbol,
    int Count,
    long IntervalMs,
    BarCacheSource Source,
    IReadOnlyList<DataWarning> Warnings);
