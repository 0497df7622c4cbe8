using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class StopLimitOrderFillTests
{
    private readonly ExchangeHarness _h = new();

    private static ClientOrderId StopLimit(ExchangeHarness h, OrderSide side, string stop, string limit) =>
        h.Submit(OrderRequest.StopLimit(BtcUsdt, side, Qty("0.01"), Px(stop), Px(limit)));

    [Fact]
    public void StopLimitBuy_NotTriggered_DoesNotFill_EvenWhenTheBarTradesBelowItsLimit()
    {
        StopLimit(_h, OrderSide.Buy, "50500", "50600");

        _h.Bar("50000", "50400", "49000", "50000");

        Assert.Empty(_h.Events.Fills);
        Assert.Equal(1, _h.Exchange.RestingOrderCount);
    }

    [Fact]
    public void StopLimitBuy_TriggeredBelowItsLimit_FillsAtTheStop_AsTaker()
    {
        StopLimit(_h, OrderSide.Buy, "50500", "50600");

        _h.Bar("50000", "50700", "49900", "50650");

        var fill = Assert.Single(_h.Events.Fills);
        Assert.Equal(Px("50500"), fill.Price);
        Assert.Equal(Liquidity.Taker, fill.Liquidity);
    }

    [Fact]
    public void StopLimitBuy_GappingBetweenStopAndLimit_FillsAtTheOpen()
    {
        StopLimit(_h, OrderSide.Buy, "50500", "50600");

        _h.Bar("50550", "50700", "50520", "50650");

        Assert.Equal(Px("50550"), Assert.Single(_h.Events.Fills).Price);
    }

    [Fact]
    public void StopLimitBuy_GappingAboveItsLimit_DoesNotFill_ThenFillsAsARestingLimitWhenTradedThrough()
    {
        StopLimit(_h, OrderSide.Buy, "50500", "50600");

        _h.Bar("50700", "50800", "50650", "50700");
        Assert.Empty(_h.Events.Fills);

        _h.Bar("50650", "50700", "50599.99", "50620");

        var fill = Assert.Single(_h.Events.Fills);
        Assert.Equal(Px("50600"), fill.Price);
        Assert.Equal(Liquidity.Maker, fill.Liquidity);
    }

    [Fact]
    public void StopLimitBuy_WithTheLimitAtTheStop_AfterTriggering_NeedsABarTradingThroughTheLimit()
    {
        StopLimit(_h, OrderSide.Buy, "50500", "50500");

        _h.Bar("50000", "50600", "49900", "50550");
        _h.Bar("50550", "50600", "50500", "50550");
        Assert.Empty(_h.Events.Fills);

        _h.Bar("50550", "50600", "50499.99", "50550");

        Assert.Equal(Px("50500"), Assert.Single(_h.Events.Fills).Price);
    }

    [Fact]
    public void StopLimitSell_TriggeredAboveItsLimit_FillsAtTheStop()
    {
        StopLimit(_h, OrderSide.Sell, "49500", "49400");

        _h.Bar("50000", "50100", "49300", "49350");

        Assert.Equal(Px("49500"), Assert.Single(_h.Events.Fills).Price);
    }

    [Fact]
    public void StopLimitSell_GappingBelowItsLimit_DoesNotFillOnTheTriggerBar()
    {
        StopLimit(_h, OrderSide.Sell, "49500", "49400");

        _h.Bar("49300", "49350", "49200", "49250");

        Assert.Empty(_h.Events.Fills);
        Assert.Equal(1, _h.Exchange.RestingOrderCount);
    }

    [Fact]
    public void StopLimitTakerFill_WithSlippage_NeverPassesTheLimit()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = new FixedBpsSlippage(100m) });
        StopLimit(h, OrderSide.Buy, "50500", "50600");

        // The stop plus 1% would be 51,005; the limit caps it.
        h.Bar("50000", "50700", "49900", "50650");

        Assert.Equal(Px("50600"), Assert.Single(h.Events.Fills).Price);
    }
}
