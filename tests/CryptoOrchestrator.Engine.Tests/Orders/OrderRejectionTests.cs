using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;
using static CryptoOrchestrator.Engine.Tests.Orders.ManagerHarness;

namespace CryptoOrchestrator.Engine.Tests.Orders;

public class OrderRejectionTests
{
    private readonly ManagerHarness _h = new();

    private OrderSnapshot SubmitAt(in OrderRequest request, string referencePrice) =>
        _h.Manager.Submit(request, 0, Now, Px(referencePrice));

    [Fact]
    public void QuantityBelowOneLot_IsRejected_BelowLotSize()
    {
        var order = SubmitAt(OrderRequest.Market(Btc, OrderSide.Buy, Qty("0.000009")), "50000");

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal(OrderRejectReasons.BelowLotSize, order.Reason);
    }

    [Fact]
    public void LimitOrder_BelowMinNotionalAtItsLimitPrice_IsRejected_EvenWhenTheReferenceWouldPass()
    {
        // 0.0001 BTC at 40,000 is 4 USDT; at the 60,000 reference it would be 6.
        var order = SubmitAt(OrderRequest.Limit(Btc, OrderSide.Buy, Qty("0.0001"), Px("40000")), "60000");

        Assert.Equal(OrderRejectReasons.MinNotional, order.Reason);
    }

    [Fact]
    public void LimitOrder_ExactlyAtMinNotional_IsAccepted()
    {
        // 0.0001 BTC at 50,000 is exactly 5 USDT.
        var order = SubmitAt(OrderRequest.Limit(Btc, OrderSide.Buy, Qty("0.0001"), Px("50000")), "1");

        Assert.Equal(OrderStatus.New, order.Status);
    }

    [Theory]
    [InlineData("60000", OrderStatus.New)]
    [InlineData("40000", OrderStatus.Rejected)]
    public void MarketOrder_MinNotional_IsCheckedAtTheReferencePrice(string reference, OrderStatus expected)
    {
        var order = SubmitAt(OrderRequest.Market(Btc, OrderSide.Sell, Qty("0.0001")), reference);

        Assert.Equal(expected, order.Status);
    }

    [Fact]
    public void StopMarketOrder_MinNotional_IsCheckedAtTheReferencePrice()
    {
        var order = SubmitAt(OrderRequest.StopMarket(Btc, OrderSide.Sell, Qty("0.0001"), Px("60000")), "40000");

        Assert.Equal(OrderRejectReasons.MinNotional, order.Reason);
    }

    [Fact]
    public void MinNotional_IsCheckedAfterRoundingDownToTheLot()
    {
        // 0.000129 BTC would be 5.16 USDT at 40,000, but it rounds down to 0.00012: 4.80 USDT.
        var order = SubmitAt(OrderRequest.Limit(Btc, OrderSide.Buy, Qty("0.000129"), Px("40000")), "40000");

        Assert.Equal(OrderRejectReasons.MinNotional, order.Reason);
    }

    [Fact]
    public void LimitPriceBelowOneTick_IsRejected_BelowTickSize()
    {
        var order = SubmitAt(OrderRequest.Limit(Btc, OrderSide.Buy, Qty("1"), Px("0.009")), "50000");

        Assert.Equal(OrderRejectReasons.BelowTickSize, order.Reason);
    }

    [Fact]
    public void MalformedRequest_IsRejected_Malformed()
    {
        var noLimitPrice = OrderRequest.Limit(Btc, OrderSide.Buy, Qty("0.01"), Price.Zero);

        var order = SubmitAt(noLimitPrice, "50000");

        Assert.Equal(OrderRejectReasons.Malformed, order.Reason);
    }

    [Fact]
    public void RejectedRequest_GoesNewThenRejected_IsNeverOpen_AndNeverSent()
    {
        var order = SubmitAt(OrderRequest.Market(Btc, OrderSide.Buy, Qty("0.000009")), "50000");
        _h.Manager.Flush(Now);

        Assert.Equal([OrderStatus.New, OrderStatus.Rejected], _h.Listener.StatusesOf(order.Id));
        Assert.Equal(1, order.Id.Value);
        Assert.Equal(0, _h.Manager.OpenOrderCount);
        Assert.Empty(_h.Exchange.Submitted);
    }

    [Fact]
    public void RiskRejection_GoesNewThenRejected_WithTheRulesReason_ForItsOwner()
    {
        var order = _h.Manager.Reject(LimitBuy(), owner: 3, Now, "max-position");

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal("max-position", order.Reason);
        Assert.Equal([OrderStatus.New, OrderStatus.Rejected], _h.Listener.StatusesOf(order.Id));
        Assert.All(_h.Listener.Updates, u => Assert.Equal(3, u.Owner));
        Assert.Equal(0, _h.Manager.OpenOrderCount);
    }

    [Fact]
    public void RiskRejection_WithoutAReason_Throws()
    {
        Assert.Throws<ArgumentException>(() => _h.Manager.Reject(LimitBuy(), 0, Now, " "));
    }

    [Theory]
    [InlineData(OrderType.Market)]
    [InlineData(OrderType.StopMarket)]
    public void MarketValuedOrder_BeforeTheInstrumentHasTraded_IsRejected_NeverSent(OrderType type)
    {
        var request = type == OrderType.Market
            ? OrderRequest.Market(Btc, OrderSide.Buy, Qty("1"))
            : OrderRequest.StopMarket(Btc, OrderSide.Buy, Qty("1"), Px("110"));

        var order = _h.Manager.Submit(request, 0, Now, Price.Zero);

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal(OrderRejectReasons.NoReferencePrice, order.Reason);
        Assert.Equal(0, _h.Manager.OpenOrderCount);
    }
}
