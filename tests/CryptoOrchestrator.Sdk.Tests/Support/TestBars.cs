using System.Globalization;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Tests.Support;

/// <summary>The first 2,000 hourly BTCUSDT bars from Binance, copied into TestData.</summary>
internal static class TestBars
{
    private static readonly Lazy<Bar[]> Cached = new(() => Load(Path.Combine(AppContext.BaseDirectory, "TestData", "BTCUSDT-1h-first2000.csv")));

    public static Bar[] BtcHourly => Cached.Value;

    public static double[] Closes(this Bar[] bars) => Array.ConvertAll(bars, b => b.Close.ToDouble());

    private static Bar[] Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var bars = new Bar[lines.Length - 1];
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            bars[i - 1] = new Bar(
                long.Parse(f[0], CultureInfo.InvariantCulture),
                long.Parse(f[6], CultureInfo.InvariantCulture),
                Price.Parse(f[1]),
                Price.Parse(f[2]),
                Price.Parse(f[3]),
                Price.Parse(f[4]),
                Quantity.Parse(f[5]));
        }

        return bars;
    }
}
