using CryptoOrchestrator.Engine.Accounting;

namespace CryptoOrchestrator.Engine.Tests.Accounting;

/// <summary>Keeps every closed trade it is given, in order.</summary>
internal sealed class TradeRecorder : IClosedTradeListener
{
    public List<ClosedTrade> Trades { get; } = [];

    public decimal GrossPnlSum { get; private set; }

    public decimal FeeSum { get; private set; }

    public void OnTradeClosed(in ClosedTrade trade)
    {
        Trades.Add(trade);
        GrossPnlSum += trade.GrossPnl;
        FeeSum += trade.Fees;
    }
}
