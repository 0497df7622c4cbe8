using System.Globalization;

namespace CryptoOrchestrator.Sdk.Tests.Support;

/// <summary>
/// TA-Lib's outputs for <see cref="TestBars.BtcHourly"/> (RSI 14, EMA 20, MACD 12/26/9, ATR 14,
/// BBANDS 20/2/2), one column per output, NaN during warm-up.
/// </summary>
internal static class TaLibReference
{
    private static readonly Lazy<Dictionary<string, double[]>> Columns = new(Load);

    public static double[] Column(string name) => Columns.Value[name];

    private static Dictionary<string, double[]> Load()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "BTCUSDT-1h-first2000.talib.csv"));
        var header = lines[0].Split(',');
        var columns = header.ToDictionary(h => h, _ => new double[lines.Length - 1]);
        for (var row = 1; row < lines.Length; row++)
        {
            var fields = lines[row].Split(',');
            for (var c = 0; c < header.Length; c++)
            {
                columns[header[c]][row - 1] = fields[c] == "nan" ? double.NaN : double.Parse(fields[c], CultureInfo.InvariantCulture);
            }
        }

        return columns;
    }
}
