using CryptoOrchestrator.Engine.Accounting;

namespace CryptoOrchestrator.Api.Backtests;

/// <summary>A closed trade of a backtest, in exact decimals.</summary>
internal sealed record BacktestTrade(
    string Symbol, string Side, long EntryTime, long ExitTime, decimal Quantity, decimal EntryPrice, decimal ExitPrice, decimal GrossPnl, decimal Fees, decimal NetPnl)
{
    public static BacktestTrade Of(ClosedTrade trade) => new(
        trade.Instrument.Symbol, trade.Side.ToString(), trade.EntryTime, trade.ExitTime, trade.Quantity.ToDecimal(),
        trade.EntryPrice, trade.ExitPrice, trade.GrossPnl, trade.Fees, trade.NetPnl);
}
