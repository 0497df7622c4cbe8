using System.Globalization;
using CryptoOrchestrator.Engine.Backtesting;

namespace CryptoOrchestrator.Host.Output;

/// <summary>The table printed after a backtest.</summary>
internal static class Summary
{
    public static string Build(RunDescription run, BacktestResult result, string outDir)
    {
        var r = result.Report;
        var rejections = result.Rejections.Count == 0
            ? "0"
            : string.Join(", ", result.Rejections.Select(p => $"{p.Key} {p.Value}"));
        return new SummaryTable($"{run.Strategy} {run.StrategyVersion} on {run.Symbol}")
            .Row("Period", $"{Date(r.StartTime)} → {Date(r.EndTime)}")
            .Row("Bars", result.Bars.ToString("N0", CultureInfo.InvariantCulture))
            .Row("Initial equity", r.InitialEquity)
            .Row("Final equity", r.FinalEquity)
            .Percent("Total return", r.TotalReturn)
            .Percent("Buy & hold return", r.BuyAndHoldReturn)
            .Percent("CAGR", r.Cagr)
            .Percent("Volatility (ann.)", r.AnnualizedVolatility)
            .Number("Sharpe", r.Sharpe)
            .Number("Sortino", r.Sortino)
            .Number("Calmar", r.Calmar)
            .Percent("Max drawdown", r.MaxDrawdown)
            .Row("Max drawdown duration", Duration(r.MaxDrawdownDuration))
            .Percent("Average drawdown", r.AverageDrawdown)
            .Row("Trades", r.TradeCount.ToString(CultureInfo.InvariantCulture))
            .Percent("Win rate", r.WinRate)
            .Number("Profit factor", r.ProfitFactor)
            .Row("Expectancy", r.Expectancy)
            .Number("SQN", r.Sqn)
            .Percent("Exposure", r.Exposure)
            .Row("Avg trade duration", Duration(r.AverageTradeDuration))
            .Row("Max trade duration", Duration(r.MaxTradeDuration))
            .Percent("Best trade", r.BestTrade)
            .Percent("Worst trade", r.WorstTrade)
            .Row("Fees", result.TotalFees)
            .Row("Orders / fills", $"{result.OrderCount} / {result.FillCount}")
            .Row("Rejections", rejections)
            .Row("Elapsed", $"{result.Elapsed.TotalMilliseconds:N0} ms")
            .Row("Results", Path.GetFullPath(outDir))
            .ToString();
    }

    private static string Date(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{span.TotalDays:F1} days" : $"{span.TotalHours:F1} hours";
}
