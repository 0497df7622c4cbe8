using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class MarketOrderFillTests
{
    [Fact]
    public void MarketBuy_FillsAtTheNextBarsOpen_AsTaker_ByDefault()
    {
        var h = new ExchangeHarness();
        h.FlatBar("50000");
        var id = h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.01")));
        Assert.Empty(h.Events.Fills);

        var bar = h.Bar("50100", "50300", "49900", "50200");

        var fill = Assert.Single(h.Events.Fills);
        Assert.Equal(new Fill(id, BtcUsdt, OrderSide.Buy, Px("50100"), Qty("0.01"), 0m, "USDT", Liquidity.Taker, bar.OpenTime), fill);
        Assert.Equal([$"{id} Accepted", $"{id} fill 0.01@50100"], h.Events.Log);
    }

    [Fact]
    public void MarketSell_FillsAtTheNextBarsOpen()
    {
        var h = new ExchangeHarness();
        h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Sell, Qty("0.5")));

        h.Bar("49950", "50000", "49000", "49100");

        Assert.Equal(Px("49950"), Assert.Single(h.Events.Fills).Price);
    }

    [Fact]
    public void MarketOrder_UnderSignalClose_FillsAtTheCurrentBarsClose_InsideSubmit()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { FillTiming = FillTiming.SignalClose });
        var signalBar = h.Bar("50000", "50300", "49900", "50200");

        var id = h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.01")));

        var fill = Assert.Single(h.Events.Fills);
        Assert.Equal(Px("50200"), fill.Price);
        Assert.Equal(signalBar.CloseTime, fill.Time);
        Assert.Equal([$"{id} Accepted", $"{id} fill 0.01@50200"], h.Events.Log);
    }

    [Fact]
    public void MarketOrder_UnderSignalClose_SubmittedBeforeAnyBar_FillsAtTheFirstBarsClose()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { FillTiming = FillTiming.SignalClose });
        h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.01")));
        Assert.Empty(h.Events.Fills);

        h.Bar("50000", "50300", "49900", "50200");

        Assert.Equal(Px("50200"), Assert.Single(h.Events.Fills).Price);
    }

    [Fact]
    public void FilledMarketOrder_StopsWorking()
    {
        var h = new ExchangeHarness();
        h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.01")));
        h.FlatBar("50000");

        h.FlatBar("50100");

        Assert.Single(h.Events.Fills);
        Assert.Equal(0, h.Exchange.RestingOrderCount);
    }

    [Fact]
    public void MarketFill_AtAnOpenOffTheTick_IsRoundedAgainstTheTrader()
    {
        var buyer = new ExchangeHarness();
        var seller = new ExchangeHarness();
        buyer.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.01")));
        seller.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Sell, Qty("0.01")));

        // Data finer than the venue's tick: 50000.005 is between two ticks.
        buyer.FlatBar("50000.005");
        seller.FlatBar("50000.005");

        Assert.Equal(Px("50000.01"), Assert.Single(buyer.Events.Fills).Price);
        Assert.Equal(Px("50000"), Assert.Single(seller.Events.Fills).Price);
    }
}
