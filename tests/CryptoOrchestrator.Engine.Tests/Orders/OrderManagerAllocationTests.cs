using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Tests.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Orders;

public class OrderManagerAllocationTests
{
    private const long Now = 1_000_000;

    [Fact]
    public void SubmitFlushFillAndCancel_TenThousandOrders_AfterWarmUp_AllocateNothing()
    {
        var listener = new CountingListener();
        var exchange = new SimulatedExchange(new SimulatedExchangeOptions
        {
            FillTiming = FillTiming.SignalClose,
            Commission = new CommissionSchedule(0.0002m, 0.0004m, 0.05m),
            Slippage = new FixedBpsSlippage(2m),
        });
        var manager = new OrderManager(exchange, listener);
        exchange.Connect(new MinimalPluginContext(), manager);
        exchange.OnBar(BtcUsdt, Bar(0, "50000", "50100", "49900", "50000"));
        var reference = Px("50000");
        var market = OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.01"));
        var restingLimit = OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("40000"));
        var queuedLimit = OrderRequest.Limit(BtcUsdt, OrderSide.Sell, Qty("0.01"), Px("60000")) with { Priority = 3 };

        for (var i = 0; i < 2; i++)
        {
            Cycle();
        }

        const int Cycles = 10_000;
        const int Rounds = 3;
        var allocated = AllocationProbe.Least(Rounds, () =>
        {
            for (var i = 0; i < Cycles; i++)
            {
                Cycle();
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal((Rounds * Cycles) + 2, listener.Fills);
        Assert.Equal(0, manager.OpenOrderCount);

        void Cycle()
        {
            manager.Submit(market, 0, Now, reference);
            var resting = manager.Submit(restingLimit, 0, Now, reference);
            var queued = manager.Submit(queuedLimit, 0, Now, reference);
            manager.Cancel(queued.Id, Now);
            manager.Flush(Now);
            manager.Cancel(resting.Id, Now);
        }
    }

    private sealed class CountingListener : IOrderListener
    {
        public int Fills { get; private set; }

        public int Updates { get; private set; }

        public void OnFill(in Fill fill, int owner) => Fills++;

        public void OnOrderUpdate(in OrderSnapshot order, int owner) => Updates++;
    }
}
