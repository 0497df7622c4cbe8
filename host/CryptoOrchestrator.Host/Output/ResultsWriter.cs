using System.Globalization;
using System.Text;
using System.Text.Json;
using CryptoOrchestrator.Engine.Backtesting;

namespace CryptoOrchestrator.Host.Output;

/// <summary>Writes a backtest's results.json, trades.csv and equity.csv into one folder.</summary>
internal static class ResultsWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new NonFiniteAsNullConverter() },
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
                .Append(CultureInfo.InvariantCulture, $"{trade.Quantity},{trade.EntryPrice},{trade.ExitPrice},{trade.GrossPnl},{trade.Fees},{trade.NetPnl},")
                .Append(CultureInfo.InvariantCulture, $"{trade.ReturnFraction * 100:F4},{trade.ExitBar - trade.EntryBar}\n");
        }

        File.WriteAllText(path, text.ToString());
    }

    private static void WriteEquity(string path, BacktestResult result)
    {
        using var writer = new StreamWriter(path, append: false, Encoding.UTF8, bufferSize: 1 << 16);
        writer.Write("time,equity\n");
        foreach (var point in result.EquityCurve)
        {
            writer.Write(Iso(point.Time));
            writer.Write(',');
            writer.Write(point.Equity.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static string Iso(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
