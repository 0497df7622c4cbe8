using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Testing;

namespace Co.Strategy1.Tests;

/// <summary>
/// The price path the tests share, with a short channel so that every step can be checked by hand.
/// Bars come from closes: each opens at the previous close, so high and low are the larger and
/// smaller of the two.
/// </summary>
internal static class Scenario
{
    /// <summary>Bar 3 (104) closes above the three previous highs (100); bar 6 (103) closes below the two previous lows (104, 106).</summary>
    public static readonly IReadOnlyList<Bar> BreakoutThenExit = TestBars.FromCloses(100m, 100m, 100m, 104m, 106m, 108m, 103m, 103m);

    public const int EntryBar = 3;

    public const int ExitBar = 6;

    /// <summary>A three-bar entry channel, a two-bar exit channel and a three-bar trend average.</summary>
    public static HarnessOptions Options(int trendBars = 3) => new()
    {
        Parameters = new Dictionary<string, string>
        {
            ["entry-bars"] = "3",
            ["exit-bars"] = "2",
            ["trend-bars"] = trendBars.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };
}
