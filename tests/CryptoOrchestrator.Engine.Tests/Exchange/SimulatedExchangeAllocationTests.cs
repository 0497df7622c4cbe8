using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class SimulatedExchangeAllocationTests
{
    [Fact]
    public void OnBar_WithRestingAndFillingOrders_TenThousandBars_AfterWarmUp_AllocatesNothing()
    {
        var events = new CountingEvents();
        var exchange = new SimulatedExchange(new SimulatedExchangeOptions
        {
            Commission = new CommissionSchedule(0.0002m, 0.0004m, 0.05m),
            Slippage = new VolumeShareSlippage(0.1m, 0.025m),
        });
        exchange.Connect(new MinimalPluginContext(), events);
        long nextId = 0;
        for (var i = 0; i < 40; i++)
        {
            // Far below the market: they rest through every bar and are matched against each one.
            exchange.Submit(Order(++nextId, OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("1000"))));
        }

        var market = OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.5"));
        var limit = OrderRequest.Limit(BtcUsdt, OrderSide.Sell, Qty("0.3"), Px("50000.5"));
        var stop = OrderRequest.StopMarket(BtcUsdt, OrderSide.Sell, Qty("0.2"), Px("49999.5"));
        var bar = 0;
        for (var i = 0; i < 3; i++)
        {
            Cycle();
        }

        const int Bars = 10_000;
        const int Rounds = 3;
        var fillsBefore = events.Fills;
        var allocated = AllocationProbe.Least(Rounds, () =>
        {
            for (var i = 0; i < Bars; i++)
            {
                Cycle();
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(3 * Bars * Rounds, events.Fills - fillsBefore);
        Assert.Equal(40, exchange.RestingOrderCount);

        void Cycle()
        {
            exchange.Submit(Order(++nextId, market));
            exchange.Submit(Order(++nextId, limit));
            exchange.Submit(Order(++nextId, stop));
            var open = Price.FromUnits(50_000_00000000 + ((bar % 7) * 1_000_000));
            exchange.OnBar(BtcUsdt, new Bar(
                bar * BarMs,
                (bar * BarMs) + BarMs - 1,
                open,
                Price.FromUnits(50_001_00000000),
                Price.FromUnits(49_999_00000000),
                open,
                Quantity.FromWhole(100)));
            bar++;
        }
    }

    private static OrderSnapshot Order(long id, in OrderRequest request) => ExchangeHarness.NewOrder(new ClientOrderId(id), request);

    private sealed class CountingEvents : IExchangeEvents
    {
        public int Fills { get; private set; }

        public void OnFill(in Fill fill) => Fills++;

        public void OnOrderStatus(ClientOrderId id, OrderStatus status, string? reason)
        {
        }
    }
}
