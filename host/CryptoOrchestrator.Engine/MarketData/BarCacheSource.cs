namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>
/// What a binary cache was built from: the CSV's length and last write time and the read options
/// that change the bars. A cache is fresh only while all of them still match.
/// </summary>
internal readonly record struct BarCacheSource(long Length, long LastWriteUtcTicks, GapPolicy? Gaps, long RequestedIntervalMs)
{
    /// <summary>A cache written directly, not from a CSV file.</summary>
    public static BarCacheSource None => new(-1, 0, null, 0);
}
