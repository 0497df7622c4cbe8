using CryptoOrchestrator.Runtime.Feeds;

namespace CryptoOrchestrator.Runtime.Tests.Feeds;

/// <summary>Reads feeds the way a bot's pump does, for tests.</summary>
internal static class FeedReading
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<List<FeedBar>> ReadAll(IMarketFeed feed, int? most = null)
    {
        var bars = new List<FeedBar>();
        await foreach (var bar in feed.ReadAsync())
        {
            bars.Add(bar);
            if (bars.Count == most)
            {
                break;
            }
        }

        return bars;
    }

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
