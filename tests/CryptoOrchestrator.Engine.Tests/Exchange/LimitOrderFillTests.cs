using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class LimitOrderFillTests
{
    private readonly ExchangeHarness _h = new();

    public LimitOrderFillTests() => _h.FlatBar("50000");

    private ClientOrderId Limit(OrderSide side, string price) =>
        _h.Submit(OrderRequest.Limit(BtcUsdt, side, Qty("0.01"), Px(price)));

    [Fact]
    public void LimitBuy_DoesNotFill_WhenTheLowOnlyTouchesTheLimit()
    {
        Limit(OrderSide.Buy, "49900");

        _h.Bar("50000", "50100", "49900", "50000");

        Assert.Empty(_h.Events.Fills);
        Assert.Equal(1, _h.Exchange.RestingOrderCount);
    }

    [Fact]
    public void LimitBuy_Fills_WhenTheLowTradesThroughTheLimit_AtTheLimit_AsMaker()
    {
        var id = Limit(OrderSide.Buy, "49900");

        var bar = _h.Bar("50000", "50100", "49899.99", "50000");

        var fill = Assert.Single(_h.Events.Fills);
        Assert.Equal(id, fill.OrderId);
        Assert.Equal(Px("49900"), fill.Price);
        Assert.Equal(Liquidity.Maker, fill.Liquidity);
        Assert.Equal(bar.OpenTime, fill.Time); // every fill found while matching a bar carries its open time
    }

    [Fact]
    public void LimitBuy_FillsAtTheBetterOpen_WhenTheBarGapsBelowTheLimit()
    {
        Limit(OrderSide.Buy, "49900");

        var bar = _h.Bar("49800", "49850", "49700", "49750");

        var fill = Assert.Single(_h.Events.Fills);
        Assert.Equal(Px("49800"), fill.Price);
        Assert.Equal(bar.OpenTime, fill.Time);
    }

    [Fact]
    public void LimitSell_DoesNotFill_WhenTheHighOnlyTouchesTheLimit()
    {
        Limit(OrderSide.Sell, "50100");

        _h.Bar("50000", "50100", "49900", "50000");

        Assert.Empty(_h.Events.Fills);
    }

    [Fact]
    public void LimitSell_Fills_WhenTheHighTradesThroughTheLimit_AtTheLimit()
    {
        Limit(OrderSide.Sell, "50100");

        _h.Bar("50000", "50100.01", "49900", "50000");

        var fill = Assert.Single(_h.Events.Fills);
        Assert.Equal(Px("50100"), fill.Price);
        Assert.Equal(Liquidity.Maker, fill.Liquidity);
    }

    [Fact]
    public void LimitSell_FillsAtTheBetterOpen_WhenTheBarGapsAboveTheLimit()
    {
        Limit(OrderSide.Sell, "50100");

        _h.Bar("50250", "50300", "50200", "50210");

        Assert.Equal(Px("50250"), Assert.Single(_h.Events.Fills).Price);
    }

    [Fact]
    public void LimitOrder_RestsAcrossBars_UntilABarTradesThroughIt()
    {
        Limit(OrderSide.Buy, "49900");

        _h.Bar("50000", "50100", "49950", "50000");
        _h.Bar("50000", "50100", "49900", "50000");
        _h.Bar("50000", "50100", "49920", "50000");
        Assert.Empty(_h.Events.Fills);

        _h.Bar("49950", "50000", "49850", "49900");

        Assert.Equal(Px("49900"), Assert.Single(_h.Events.Fills).Price);
    }

    [Fact]
    public void LimitBuyAboveTheLastPrice_TakesLiquidity_OnItsFirstFill()
    {
        // The last close is 50,000: a bid at 50,100 crosses the book on arrival.
        Limit(OrderSide.Buy, "50100");

        _h.Bar("50050", "50080", "50000", "50060");

        var fill = Assert.Single(_h.Events.Fills);
        Assert.Equal(Px("50050"), fill.Price);
        Assert.Equal(Liquidity.Taker, fill.Liquidity);
    }

    [Fact]
    public void LimitBuyAtTheLastPrice_RestsOnTheBook_AndFillsAsMaker()
    {
        Limit(OrderSide.Buy, "50000");

        _h.Bar("50010", "50020", "49990", "50000");

        var fill = Assert.Single(_h.Events.Fills);
        Assert.Equal(Px("50000"), fill.Price);
        Assert.Equal(Liquidity.Maker, fill.Liquidity);
    }

    [Fact]
    public void TakerLimitFill_WithSlippage_NeverPassesTheLimit()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = new FixedBpsSlippage(100m) });
        h.FlatBar("50000");
        h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("50100")));

        // Open 50,050 plus 1% would be 50,550.50; the limit caps it.
        h.Bar("50050", "50080", "50000", "50060");

        Assert.Equal(Px("50100"), Assert.Single(h.Events.Fills).Price);
    }
}
