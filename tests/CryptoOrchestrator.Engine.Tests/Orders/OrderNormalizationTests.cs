using CryptoOrchestrator.Sdk.Domain;
using FsCheck;
using FsCheck.Fluent;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;
using static CryptoOrchestrator.Engine.Tests.Orders.ManagerHarness;

namespace CryptoOrchestrator.Engine.Tests.Orders;

public class OrderNormalizationTests
{
    private readonly ManagerHarness _h = new();

    [Fact]
    public void Quantity_IsRoundedDownToTheLot()
    {
        var order = _h.Submit(OrderRequest.Market(Btc, OrderSide.Buy, Qty("0.01234999")));

        Assert.Equal(Qty("0.01234"), order.Request.Quantity);
    }

    [Fact]
    public void BuyLimit_IsRoundedDownToTheTick()
    {
        var order = _h.Submit(OrderRequest.Limit(Btc, OrderSide.Buy, Qty("0.01"), Px("50000.019")));

        Assert.Equal(Px("50000.01"), order.Request.LimitPrice);
    }

    [Fact]
    public void SellLimit_IsRoundedUpToTheTick()
    {
        var order = _h.Submit(OrderRequest.Limit(Btc, OrderSide.Sell, Qty("0.01"), Px("50000.011")));

        Assert.Equal(Px("50000.02"), order.Request.LimitPrice);
    }

    [Theory]
    [InlineData("50000.014", "50000.01")]
    [InlineData("50000.016", "50000.02")]
    [InlineData("50000.015", "50000.02")]
    public void StopPrice_IsRoundedToTheNearestTick_HalfAwayFromZero(string stop, string expected)
    {
        var order = _h.Submit(OrderRequest.StopMarket(Btc, OrderSide.Sell, Qty("0.01"), Px(stop)));

        Assert.Equal(Px(expected), order.Request.StopPrice);
    }

    [Fact]
    public void StopLimit_RoundsTheStopToNearest_AndTheLimitInTheTradersFavour()
    {
        var order = _h.Submit(OrderRequest.StopLimit(Btc, OrderSide.Buy, Qty("0.010009"), Px("50100.006"), Px("50200.009")));

        Assert.Equal(Qty("0.01"), order.Request.Quantity);
        Assert.Equal(Px("50100.01"), order.Request.StopPrice);
        Assert.Equal(Px("50200"), order.Request.LimitPrice);
    }

    [Fact]
    public void TheExchangeReceivesTheNormalisedOrder_CarryingItsIdAndReduceOnlyFlag()
    {
        var request = OrderRequest.Limit(Btc, OrderSide.Sell, Qty("0.0100001"), Px("50000.001")) with { ReduceOnly = true };

        var id = _h.Submit(request).Id;
        _h.Manager.Flush(Now);

        var sent = Assert.Single(_h.Exchange.Submitted).Request;
        Assert.Equal(Qty("0.01"), sent.Quantity);
        Assert.Equal(Px("50000.01"), sent.LimitPrice);
        Assert.Equal(id, sent.ClientOrderId);
        Assert.True(sent.ReduceOnly);
    }

    [Fact]
    public void NormalisedLimitPrice_IsOnTheTick_AndNeverWorseThanAsked_ForAnyPrice()
    {
        // From about 5 USDT (so one BTC meets the minimum notional) to about 2.1 million, mostly off the tick.
        var prices = Gen.Choose(500_000, int.MaxValue).Select(units => Price.FromUnits(units * 1001L));
        Prop.ForAll(Arb.From(prices), requested =>
        {
            var tick = Btc.TickSize;
            var buy = _h.Submit(OrderRequest.Limit(Btc, OrderSide.Buy, Qty("1"), requested)).Request.LimitPrice;
            var sell = _h.Submit(OrderRequest.Limit(Btc, OrderSide.Sell, Qty("1"), requested)).Request.LimitPrice;
            return buy.IsMultipleOf(tick) && sell.IsMultipleOf(tick)
                && buy <= requested && requested - buy < tick
                && sell >= requested && sell - requested < tick;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void NormalisedQuantity_IsOnTheLot_AndNeverMoreThanAsked_ForAnyQuantity()
    {
        var quantities = Gen.Choose(20_000, int.MaxValue).Select(units => Quantity.FromUnits(units));
        Prop.ForAll(Arb.From(quantities), requested =>
        {
            var quantity = _h.Submit(OrderRequest.Market(Btc, OrderSide.Buy, requested)).Request.Quantity;
            return quantity.IsMultipleOf(Btc.LotSize) && quantity <= requested && requested - quantity < Btc.LotSize;
        }).QuickCheckThrowOnFailure();
    }
}
