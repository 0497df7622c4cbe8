using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CryptoOrchestrator.Engine.Analytics;
using CryptoOrchestrator.Engine.Backtesting;

namespace CryptoOrchestrator.Host.Output;

/// <summary>Writes a backtest's results.json, trades.csv and equity.csv into one folder.</summary>
internal static class ResultsWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new NonFiniteAsNullConverter(), new ExactDecimalConverter() },
        // The equity curve has its own file; repeating it in results.json would dwarf the statistics.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type == typeof(PerformanceReport))
                    {
                        var curve = info.Properties.Single(p => p.Name == "equityCurve");
                        info.Properties.Remove(curve);
                    }
                },
            },
        },
    };

    public static void Write(string directory, RunDescription run, BacktestResult result)
    {
        Directory.CreateDirectory(directory);
        WriteJson(Path.Combine(directory, "results.json"), run, result);
        WriteTrades(Path.Combine(directory, "trades.csv"), result);
        WriteEquity(Path.Combine(directory, "equity.csv"), result);
    }

    private static void WriteJson(string path, RunDescription run, BacktestResult result)
    {
        var document = new
        {
            run,
            metrics = result.Report,
            orders = result.OrderCount,
            fills = result.FillCount,
            rejections = result.Rejections,
            totalFees = result.TotalFees,
            trades = result.Trades.Count,
            openPositions = result.OpenPositions.Select(p => new
            {
                symbol = p.Instrument.Symbol,
                quantity = p.Quantity.ToDecimal(),
                averageEntryPrice = p.AverageEntryPrice,
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
    }

    private static void WriteTrades(string path, BacktestResult result)
    {
        var text = new StringBuilder("symbol,side,entry_time,exit_time,quantity,entry_price,exit_price,gross_pnl,fees,net_pnl,return_pct,bars_held\n");
        foreach (var trade in result.Trades)
        {
            text.Append(CultureInfo.InvariantCulture, $"{trade.Instrument.Symbol},{trade.Side},{Iso(trade.EntryTime)},{Iso(trade.ExitTime)},")
                .Append(CultureInfo.InvariantCulture, $"{trade.Quantity},{MoneyText.Of(trade.EntryPrice)},{MoneyText.Of(trade.ExitPrice)},")
                .Append(CultureInfo.InvariantCulture, $"{MoneyText.Of(trade.GrossPnl)},{MoneyText.Of(trade.Fees)},{MoneyText.Of(trade.NetPnl)},")
                .Append(CultureInfo.InvariantCulture, $"{trade.ReturnFraction * 100:F4},{trade.ExitBar - trade.EntryBar}\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static void WriteEquity(string path, BacktestResult result)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        writer.Write("time,equity\n");
        Span<char> buffer = stackalloc char[64];
        Span<char> time = stackalloc char[32];
        foreach (var point in result.EquityCurve)
        {
            UtcTime(point.Time).TryFormat(time, out var timeLength, "O", CultureInfo.InvariantCulture);
            writer.Write(time[..timeLength]);
            writer.Write(',');
            writer.Write(MoneyText.Format(point.Equity, buffer));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Times are written in the round-trip ISO 8601 form ("O"), which .NET formats on a fast path;
    /// a custom pattern is parsed on every call and cost more than the backtest on large curves.
    /// </summary>
    private static string Iso(long unixMs) => UtcTime(unixMs).ToString("O", CultureInfo.InvariantCulture);

    private static DateTime UtcTime(long unixMs) => DateTime.UnixEpoch.AddMilliseconds(unixMs);
}
