namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>Bot definitions as a client posts them (JSON bodies).</summary>
internal static class BotDefinitions
{
    /// <summary>The SMA crossover on a synthetic BTCUSDT played as fast as possible: many orders and fills in a moment.</summary>
    public static object Sprinter(string id, int bars = 3_000) => new
    {
        id,
        strategies = new[] { new { pluginId = "sma-crossover", weight = 1, parameters = new Dictionary<string, string> { ["fast"] = "5", ["slow"] = "20" } } },
        instruments = new[] { "BTCUSDT" },
        sizing = "fraction:0.5",
        feed = new { kind = "Synthetic", speed = "max", bars, seed = 3 },
    };

    /// <summary>A strategy that buys one unit every tenth bar and never sells, under a cap on its position: the risk rule refuses what passes it.</summary>
    public static object Capped(string id, decimal maxPosition) => new
    {
        id,
        strategies = new[] { new { pluginId = "accumulating", weight = 1 } },
        instruments = new[] { "BTCUSDT" },
        risk = new { maxPosition },
        feed = new { kind = "Synthetic", speed = "max", bars = 200, seed = 3 },
    };

    /// <summary>The same on a market that never closes, ten bars a second: it runs until stopped.</summary>
    public static object Marathon(string id) => new
    {
        id,
        strategies = new[] { new { pluginId = "sma-crossover", weight = 1, parameters = new Dictionary<string, string> { ["fast"] = "2", ["slow"] = "4" } } },
        instruments = new[] { "BTCUSDT" },
        sizing = "fraction:0.5",
        feed = new { kind = "Synthetic", speed = "600", interval = "1m", seed = 5 },
    };
}
