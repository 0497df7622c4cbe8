using CryptoOrchestrator.Engine.Analytics;
using CryptoOrchestrator.Engine.Pipeline;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>A bot's performance so far: the whole portfolio's report and each strategy's ledger.</summary>
/// <param name="BotId">The bot.</param>
/// <param name="Report">The performance report of the current (or last) run; its equity curve is left out (see /equity).</param>
/// <param name="Cash">Cash now.</param>
/// <param name="Equity">Equity now.</param>
/// <param name="RealizedPnl">Realised profit and loss.</param>
/// <param name="UnrealizedPnl">Unrealised profit and loss.</param>
/// <param name="TotalFees">Fees paid.</param>
/// <param name="Strategies">Each strategy's share of the books.</param>
internal sealed record PerformanceView(
    string BotId, PerformanceReport Report, decimal Cash, decimal Equity, decimal RealizedPnl, decimal UnrealizedPnl, decimal TotalFees,
    IReadOnlyList<StrategyPerformance> Strategies)
{
    /// <summary>Read on the bot's thread between two events.</summary>
    public static PerformanceView Of(string botId, TradingPipeline pipeline)
    {
        var portfolio = pipeline.Portfolio;
        var report = pipeline.Tracker.BuildReport(pipeline.PeriodsPerYear, 0m) with { EquityCurve = [] };
        var strategies = pipeline.StrategyIds.Select((pluginId, slot) =>
        {
            var ledger = portfolio.Ledger(slot);
            return new StrategyPerformance(pluginId, ledger.Cash, ledger.Equity, ledger.RealizedPnl, ledger.UnrealizedPnl, ledger.TotalFees,
                [.. portfolio.Instruments.Select((instrument, index) => (instrument.Symbol, Quantity: ledger.GetPosition(index).Quantity.ToDecimal()))
                    .Where(p => p.Quantity != 0m).Select(p => new StrategyPosition(p.Symbol, p.Quantity))]);
        });
        return new PerformanceView(botId, report, portfolio.Cash, portfolio.Equity, portfolio.RealizedPnl, portfolio.UnrealizedPnl, portfolio.TotalFees, [.. strategies]);
    }
}
