using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class TimeInForceTests
{
    /// <summary>A bar of volume 10 at a 10% limit supplies 1 BTC.</summary>
    private static readonly SimulatedExchangeOptions OneBtcPerBar = new() { Slippage = new VolumeShareSlippage(0m, 0.1m) };

    private static OrderRequest MarketBuy(string quantity, TimeInForce timeInForce) =>
        OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty(quantity)) with { TimeInForce = timeInForce };

    [Fact]
    public void IocLimit_NotTradedThroughOnItsFirstBar_ExpiresWithoutFilling()
    {
        var h = new ExchangeHarness();
        var id = h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("49000")) with { TimeInForce = TimeInForce.Ioc });

        h.Bar("50000", "50100", "49500", "50000");

        Assert.Empty(h.Events.Fills);
        Assert.Equal((id, OrderStatus.Expired, OrderRejectReasons.ImmediateOrCancelExpired), h.Events.Statuses[^1]);
        Assert.Equal(0, h.Exchange.RestingOrderCount);
    }

    [Fact]
    public void IocMarket_CappedByVolume_FillsWhatItCan_AndExpiresTheRest()
    {
        var h = new ExchangeHarness(OneBtcPerBar);
        var id = h.Submit(MarketBuy("2", TimeInForce.Ioc));

        h.Bar("50000", "50000", "50000", "50000", volume: "10");
        h.Bar("50000", "50000", "50000", "50000", volume: "10");

        Assert.Equal([$"{id} Accepted", $"{id} fill 1@50000", $"{id} Expired"], h.Events.Log);
    }

    [Fact]
    public void FokMarket_WhenTheBarCanSupplyOnlyPart_ExpiresWithoutAnyFill()
    {
        var h = new ExchangeHarness(OneBtcPerBar);
        var id = h.Submit(MarketBuy("2", TimeInForce.Fok));

        h.Bar("50000", "50000", "50000", "50000", volume: "10");

        Assert.Empty(h.Events.Fills);
        Assert.Equal((id, OrderStatus.Expired, OrderRejectReasons.FillOrKillExpired), h.Events.Statuses[^1]);
    }

    [Fact]
    public void FokMarket_WhenTheBarCanSupplyAll_FillsCompletely()
    {
        var h = new ExchangeHarness(OneBtcPerBar);
        var id = h.Submit(MarketBuy("1", TimeInForce.Fok));

        h.Bar("50000", "50000", "50000", "50000", volume: "10");

        Assert.Equal([$"{id} Accepted", $"{id} fill 1@50000"], h.Events.Log);
    }

    [Fact]
    public void FokLimit_NotTradedThroughOnItsFirstBar_Expires()
    {
        var h = new ExchangeHarness();
        var id = h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Sell, Qty("0.01"), Px("51000")) with { TimeInForce = TimeInForce.Fok });

        h.Bar("50000", "51000", "49500", "50000");

        Assert.Equal(OrderStatus.Expired, h.Events.LastStatusOf(id));
    }

    [Fact]
    public void IocStop_NotTriggeredOnItsFirstBar_Expires()
    {
        var h = new ExchangeHarness();
        var id = h.Submit(OrderRequest.StopMarket(BtcUsdt, OrderSide.Sell, Qty("0.01"), Px("49000")) with { TimeInForce = TimeInForce.Ioc });

        h.Bar("50000", "50100", "49500", "50000");

        Assert.Equal(OrderStatus.Expired, h.Events.LastStatusOf(id));
    }

    [Fact]
    public void IocMarket_UnderSignalClose_ExpiresItsRemainderInsideSubmit()
    {
        var h = new ExchangeHarness(OneBtcPerBar with { FillTiming = FillTiming.SignalClose });
        h.Bar("50000", "50100", "49900", "50050", volume: "10");

        var id = h.Submit(MarketBuy("3", TimeInForce.Ioc));

        Assert.Equal([$"{id} Accepted", $"{id} fill 1@50050", $"{id} Expired"], h.Events.Log);
    }

    [Fact]
    public void GtcLimit_NotTradedThrough_KeepsWorking()
    {
        var h = new ExchangeHarness();
        var id = h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("49000")));

        h.Bar("50000", "50100", "49500", "50000");

        Assert.Equal(OrderStatus.Accepted, h.Events.LastStatusOf(id));
        Assert.Equal(1, h.Exchange.RestingOrderCount);
    }
}
