using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class StopOrderFillTests
{
    private static ClientOrderId Stop(ExchangeHarness h, OrderSide side, string stop) =>
        h.Submit(OrderRequest.StopMarket(BtcUsdt, side, Qty("0.01"), Px(stop)));

    [Fact]
    public void StopBuy_DoesNotTrigger_WhileTheHighStaysBelowTheStop()
    {
        var h = new ExchangeHarness();
        Stop(h, OrderSide.Buy, "50500");

        h.Bar("50000", "50499.99", "49900", "50400");

        Assert.Empty(h.Events.Fills);
        Assert.Equal(1, h.Exchange.RestingOrderCount);
    }

    [Fact]
    public void StopBuy_TriggersWhenTheHighReachesTheStop_AndFillsAtTheStop_AsTaker()
    {
        var h = new ExchangeHarness();
        Stop(h, OrderSide.Buy, "50500");

        var bar = h.Bar("50000", "50500", "49900", "50400");

        var fill = Assert.Single(h.Events.Fills);
        Assert.Equal(Px("50500"), fill.Price);
        Assert.Equal(Liquidity.Taker, fill.Liquidity);
        Assert.Equal(bar.OpenTime, fill.Time); // every fill found while matching a bar carries its open time
    }

    [Fact]
    public void StopBuy_FillsAtTheOpen_WhenTheBarGapsAboveTheStop()
    {
        var h = new ExchangeHarness();
        Stop(h, OrderSide.Buy, "50500");

        var bar = h.Bar("50600", "50700", "50550", "50650");

        var fill = Assert.Single(h.Events.Fills);
        Assert.Equal(Px("50600"), fill.Price);
        Assert.Equal(bar.OpenTime, fill.Time);
    }

    [Fact]
    public void StopSell_TriggersWhenTheLowReachesTheStop_AndFillsAtTheStop()
    {
        var h = new ExchangeHarness();
        Stop(h, OrderSide.Sell, "49500");

        h.Bar("50000", "50100", "49500", "49800");

        Assert.Equal(Px("49500"), Assert.Single(h.Events.Fills).Price);
    }

    [Fact]
    public void StopSell_FillsAtTheOpen_WhenTheBarGapsBelowTheStop()
    {
        var h = new ExchangeHarness();
        Stop(h, OrderSide.Sell, "49500");

        h.Bar("49400", "49450", "49000", "49100");

        Assert.Equal(Px("49400"), Assert.Single(h.Events.Fills).Price);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "50500", "50550.5")]
    [InlineData(OrderSide.Sell, "49500", "49450.5")]
    public void StopFill_IsWorsenedBySlippage(OrderSide side, string stop, string expected)
    {
        // 10 bps of 50,500 is 50.50; of 49,500 it is 49.50.
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = new FixedBpsSlippage(10m) });
        Stop(h, side, stop);

        h.Bar("50000", "50600", "49400", "50000");

        Assert.Equal(Px(expected), Assert.Single(h.Events.Fills).Price);
    }
}
