using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

/// <summary>The copied data slices in TestData/MarketData and small helpers to state expected bars.</summary>
internal static class MarketDataFiles
{
    public const string BinanceVision = "BTCUSDT-1h-2022-01.binancevision.csv";
    public const string BinanceVisionNoHeader = "BTCUSDT-1h-2022-01.noheader.csv";
    public const string Hourly = "BTCUSDT-1h.csv";
    public const string Minute = "BTCUSDT-1m.csv";
    public const string Daily = "BTCUSDT-1d.csv";
    public const string Goog = "GOOG.csv";

    public const long Minute1 = 60_000;
    public const long Hour1 = 3_600_000;
    public const long Day1 = 86_400_000;

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "MarketData", name);

    public static Bar Bar(long openTime, long closeTime, string open, string high, string low, string close, string volume)
        => new(openTime, closeTime, Price.Parse(open), Price.Parse(high), Price.Parse(low), Price.Parse(close), Quantity.Parse(volume));

    public static long UnixMs(string isoUtc) => DateTimeOffset.Parse(isoUtc, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
}
