using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Tests.Orders;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class VolumeSharePartialFillTests
{
    private const long Now = 1_000_000;

    /// <summary>Zipline's defaults: bars of volume 100 supply 2.5 BTC each.</summary>
    private static readonly SimulatedExchangeOptions Zipline = new() { Slippage = new VolumeShareSlippage(0.1m, 0.025m) };

    [Fact]
    public void LargeMarketOrder_FillsPartiallyAcrossBars_ThenFilled_WithImpactPricedEachBar()
    {
        var listener = new RecordingOrderListener();
        var exchange = new SimulatedExchange(Zipline);
        var manager = new OrderManager(exchange, listener);
        exchange.Connect(new MinimalPluginContext(), manager);
        var id = manager.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("6")), 0, Now, Px("20000")).Id;
        manager.Flush(Now);

        exchange.OnBar(BtcUsdt, Bar(1, "20000", "20000", "20000", "20000", volume: "100"));
        exchange.OnBar(BtcUsdt, Bar(2, "20100", "20100", "20100", "20100", volume: "100"));
        exchange.OnBar(BtcUsdt, Bar(3, "20200", "20200", "20200", "20200", volume: "100"));

        // Bar 1: 2.5 of 100 is the 2.5% cap: impact 0.1 × 0.025² × 20,000 = 1.25.
        // Bar 2: 0.1 × 0.025² × 20,100 = 1.25625, rounded up to the tick: 20,101.26.
        // Bar 3: the last 1.0 is 1% of the volume: 0.1 × 0.01² × 20,200 = 0.202, rounded up: 20,200.21.
        Assert.Equal(
            [(Qty("2.5"), Px("20001.25")), (Qty("2.5"), Px("20101.26")), (Qty("1"), Px("20200.21"))],
            listener.Fills.Select(f => (f.Fill.Quantity, f.Fill.Price)));
        Assert.Equal(
            [OrderStatus.New, OrderStatus.Accepted, OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled, OrderStatus.Filled],
            listener.StatusesOf(id));
        var filled = listener.Updates[^1].Order;
        Assert.Equal(Qty("6"), filled.FilledQuantity);
        Assert.Equal(120456.485m, filled.FilledNotional);
        Assert.Equal(0, manager.OpenOrderCount);
    }

    [Fact]
    public void TwoOrdersInOneBar_ShareItsVolumeLimit_OldestFirst()
    {
        var h = new ExchangeHarness(Zipline);
        var first = h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("2")));
        var second = h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("2")));

        h.Bar("20000", "20000", "20000", "20000", volume: "100");
        h.Bar("20000", "20000", "20000", "20000", volume: "100");

        // Bar 1: the first takes 2 (2%: impact 0.1 × 0.02² × 20,000 = 0.80); the second gets the 0.5 left
        // of the 2.5 cap, priced at the bar's cumulative 2.5% share (1.25). Bar 2: the second's last 1.5 (0.45).
        Assert.Equal(
            [(first, Qty("2"), Px("20000.8")), (second, Qty("0.5"), Px("20001.25")), (second, Qty("1.5"), Px("20000.45"))],
            h.Events.Fills.Select(f => (f.OrderId, f.Quantity, f.Price)));
    }

    [Fact]
    public void SellImpact_LowersThePrice()
    {
        var h = new ExchangeHarness(Zipline);
        h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Sell, Qty("1")));

        h.Bar("20000", "20000", "20000", "20000", volume: "100");

        // 0.1 × 0.01² × 20,000 = 0.20 below the open.
        Assert.Equal(Px("19999.8"), Assert.Single(h.Events.Fills).Price);
    }

    [Fact]
    public void BarWithoutVolume_FillsNothing_AndTheOrderWaits()
    {
        var h = new ExchangeHarness(Zipline);
        h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("1")));

        h.Bar("20000", "20000", "20000", "20000", volume: "0");
        Assert.Empty(h.Events.Fills);

        h.Bar("20000", "20000", "20000", "20000", volume: "100");
        Assert.Equal(Qty("1"), Assert.Single(h.Events.Fills).Quantity);
    }

    [Fact]
    public void RestingLimit_FillsPartiallyAcrossBars_AsMaker_WithoutPriceImpact()
    {
        var h = new ExchangeHarness(Zipline);
        h.FlatBar("20050");
        h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("4"), Px("20000")));

        h.Bar("20010", "20020", "19990", "20000", volume: "100");
        h.Bar("20010", "20020", "19990", "20000", volume: "100");

        Assert.Equal(
            [(Qty("2.5"), Px("20000"), Liquidity.Maker), (Qty("1.5"), Px("20000"), Liquidity.Maker)],
            h.Events.Fills.Select(f => (f.Quantity, f.Price, f.Liquidity)));
    }

    [Fact]
    public void VolumeCap_IsRoundedDownToTheLot()
    {
        var h = new ExchangeHarness(Zipline);
        h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("1")));

        // 2.5% of 0.0123456 is 0.00030864, which the 0.00001 lot cuts to 0.0003.
        h.Bar("20000", "20000", "20000", "20000", volume: "0.0123456");

        Assert.Equal(Qty("0.0003"), Assert.Single(h.Events.Fills).Quantity);
    }
}
