using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Accounting.TestFills;

namespace CryptoOrchestrator.Engine.Tests.Accounting;

public class PortfolioAllocationTests
{
    [Fact]
    public void FillsMarksAndClosedTrades_AllocateNothing_InSteadyState()
    {
        var counter = new TradeCounter();
        var account = new Portfolio(1_000_000m, [Btc, Eth], owners: 2) { TradeListener = counter };
        account.Ledger(1).TradeListener = counter;
        account.Ledger(0).TradeListener = counter;
        var buy = Buy(Btc, 2m, 100m, fee: 0.2m, time: 1);
        var reverse = Sell(Btc, 3m, 101.5m, fee: 0.3m, time: 2);
        var cover = Buy(Btc, 1m, 99.25m, fee: 0.1m, time: 3);
        var ethSell = Sell(Eth, 0.37m, 2_000m, fee: 0.01m, time: 4);
        var ethCover = Buy(Eth, 0.37m, 1_990m, fee: 0.01m, time: 5);
        var mark = Price.FromDecimal(100.01m);

        void Cycle(int bar)
        {
            account.ApplyFill(buy, 0, bar);
            account.ApplyFill(reverse, 0, bar);
            account.Mark(0, mark);
            account.ApplyFill(cover, 0, bar);
            account.ApplyFill(ethSell, 0, bar);
            account.Mark(1, Price.FromDecimal(1_995m));
            account.ApplyFill(ethCover, 1, bar);
            _ = account.Equity + account.UnrealizedPnl + account.Ledger(1).Equity;
        }

        Cycle(0);
        var next = 1;
        var allocated = AllocationProbe.Least(3, () =>
        {
            for (var n = 0; n < 10_000; n++)
            {
                Cycle(next++);
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(counter.Count >= 50_000, $"only {counter.Count} trades closed");
        Assert.False(account.HasOpenPosition);
    }

    private sealed class TradeCounter : IClosedTradeListener
    {
        public int Count { get; private set; }

        public void OnTradeClosed(in ClosedTrade trade) => Count++;
    }
}
