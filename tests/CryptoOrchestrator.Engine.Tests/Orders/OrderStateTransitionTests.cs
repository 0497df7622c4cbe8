using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Orders.ManagerHarness;

namespace CryptoOrchestrator.Engine.Tests.Orders;

public class OrderStateTransitionTests
{
    private readonly ManagerHarness _h = new();

    [Fact]
    public void Submit_CreatesOrderInStatusNew_AndKeepsItQueuedUntilFlush()
    {
        var order = _h.Submit(LimitBuy());

        Assert.Equal(OrderStatus.New, order.Status);
        Assert.Equal([OrderStatus.New], _h.Listener.StatusesOf(order.Id));
        Assert.Empty(_h.Exchange.Submitted);
        Assert.Equal(1, _h.Manager.OpenOrderCount);
    }

    [Fact]
    public void Flush_SendsTheNewOrder_AndAcceptanceMovesItToAccepted()
    {
        var id = _h.Submit(LimitBuy()).Id;
        _h.Manager.Flush(Now);

        var sent = Assert.Single(_h.Exchange.Submitted);
        Assert.Equal(id, sent.Id);
        Assert.Equal(OrderStatus.New, sent.Status);

        _h.Manager.OnOrderStatus(id, OrderStatus.Accepted, null);
        Assert.Equal(OrderStatus.Accepted, _h.Open(id).Status);
        Assert.Equal([OrderStatus.New, OrderStatus.Accepted], _h.Listener.StatusesOf(id));
    }

    [Fact]
    public void FullFill_MovesAcceptedToFilled_AndClosesTheOrder()
    {
        var id = _h.Working(LimitBuy());

        _h.Manager.OnFill(FillOf(id, "0.01", "50000"));

        Assert.Equal([OrderStatus.New, OrderStatus.Accepted, OrderStatus.Filled], _h.Listener.StatusesOf(id));
        Assert.False(_h.Manager.TryGet(id, out _));
        Assert.Equal(0, _h.Manager.OpenOrderCount);
    }

    [Fact]
    public void PartialFills_MoveAcceptedToPartiallyFilled_StayThere_ThenFilled()
    {
        var id = _h.Working(LimitBuy());

        _h.Manager.OnFill(FillOf(id, "0.003", "50000"));
        _h.Manager.OnFill(FillOf(id, "0.003", "50000"));
        _h.Manager.OnFill(FillOf(id, "0.004", "50000"));

        Assert.Equal(
            [OrderStatus.New, OrderStatus.Accepted, OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled, OrderStatus.Filled],
            _h.Listener.StatusesOf(id));
    }

    [Fact]
    public void ExchangeRejection_MovesNewToRejected_WithTheExchangesReason()
    {
        var id = _h.Submit(LimitBuy()).Id;
        _h.Manager.Flush(Now);

        _h.Manager.OnOrderStatus(id, OrderStatus.Rejected, "insufficient-balance");

        var last = _h.Listener.Updates[^1].Order;
        Assert.Equal(OrderStatus.Rejected, last.Status);
        Assert.Equal("insufficient-balance", last.Reason);
        Assert.Equal(0, _h.Manager.OpenOrderCount);
    }

    [Fact]
    public void CancelWhileQueued_MovesNewToCancelled_WithoutReachingTheExchange()
    {
        var id = _h.Submit(LimitBuy()).Id;

        Assert.True(_h.Manager.Cancel(id, Now + 5));
        _h.Manager.Flush(Now + 6);

        Assert.Equal([OrderStatus.New, OrderStatus.Cancelled], _h.Listener.StatusesOf(id));
        var cancelled = _h.Listener.Updates[^1].Order;
        Assert.Equal(OrderRejectReasons.CancelRequested, cancelled.Reason);
        Assert.Equal(Now + 5, cancelled.Time);
        Assert.Empty(_h.Exchange.Submitted);
        Assert.Empty(_h.Exchange.CancelRequests);
    }

    [Fact]
    public void CancelAfterSend_AsksTheExchange_AndItsAnswerMovesNewToCancelled()
    {
        var id = _h.Submit(LimitBuy()).Id;
        _h.Manager.Flush(Now);

        Assert.True(_h.Manager.Cancel(id, Now));
        Assert.Equal([id], _h.Exchange.CancelRequests);
        Assert.Equal(OrderStatus.New, _h.Open(id).Status);

        _h.Manager.OnOrderStatus(id, OrderStatus.Cancelled, OrderRejectReasons.CancelRequested);
        Assert.Equal([OrderStatus.New, OrderStatus.Cancelled], _h.Listener.StatusesOf(id));
    }

    [Fact]
    public void AcceptedOrder_CanBeCancelled()
    {
        var id = _h.Working(LimitBuy());

        _h.Manager.OnOrderStatus(id, OrderStatus.Cancelled, null);

        Assert.Equal([OrderStatus.New, OrderStatus.Accepted, OrderStatus.Cancelled], _h.Listener.StatusesOf(id));
    }

    [Fact]
    public void PartiallyFilledOrder_CanBeCancelled_KeepingWhatFilled()
    {
        var id = _h.Working(LimitBuy());
        _h.Manager.OnFill(FillOf(id, "0.004", "50000"));

        _h.Manager.OnOrderStatus(id, OrderStatus.Cancelled, null);

        var last = _h.Listener.Updates[^1].Order;
        Assert.Equal(OrderStatus.Cancelled, last.Status);
        Assert.Equal(Quantity.Parse("0.004"), last.FilledQuantity);
    }

    [Fact]
    public void AcceptedOrder_CanExpire()
    {
        var id = _h.Working(LimitBuy());

        _h.Manager.OnOrderStatus(id, OrderStatus.Expired, OrderRejectReasons.ImmediateOrCancelExpired);

        Assert.Equal([OrderStatus.New, OrderStatus.Accepted, OrderStatus.Expired], _h.Listener.StatusesOf(id));
    }

    [Fact]
    public void PartiallyFilledOrder_CanExpire()
    {
        var id = _h.Working(LimitBuy());
        _h.Manager.OnFill(FillOf(id, "0.004", "50000"));

        _h.Manager.OnOrderStatus(id, OrderStatus.Expired, OrderRejectReasons.ImmediateOrCancelExpired);

        Assert.Equal(OrderStatus.Expired, _h.Listener.Updates[^1].Order.Status);
        Assert.Equal(0, _h.Manager.OpenOrderCount);
    }

    [Fact]
    public void AcceptingTwice_Throws_AndLeavesTheOrderAsItWas()
    {
        var id = _h.Working(LimitBuy());
        var updatesBefore = _h.Listener.Updates.Count;

        var error = Assert.Throws<InvalidOrderTransitionException>(() => _h.Manager.OnOrderStatus(id, OrderStatus.Accepted, null));

        Assert.Equal(id, error.Order);
        Assert.Equal(OrderStatus.Accepted, error.From);
        Assert.Equal(OrderStatus.Accepted, _h.Open(id).Status);
        Assert.Equal(updatesBefore, _h.Listener.Updates.Count);
    }

    [Fact]
    public void FillBeforeAcceptance_Throws()
    {
        var id = _h.Submit(LimitBuy()).Id;
        _h.Manager.Flush(Now);

        var error = Assert.Throws<InvalidOrderTransitionException>(() => _h.Manager.OnFill(FillOf(id, "0.01", "50000")));

        Assert.Equal(OrderStatus.New, error.From);
        Assert.Equal(OrderStatus.Filled, error.To);
        Assert.Equal(Quantity.Zero, _h.Open(id).FilledQuantity);
    }

    [Fact]
    public void ExpiryBeforeAcceptance_Throws()
    {
        var id = _h.Submit(LimitBuy()).Id;
        _h.Manager.Flush(Now);

        Assert.Throws<InvalidOrderTransitionException>(() => _h.Manager.OnOrderStatus(id, OrderStatus.Expired, null));
    }

    [Fact]
    public void AcceptanceOfAnOrderNotYetSent_Throws()
    {
        var id = _h.Submit(LimitBuy()).Id;

        var error = Assert.Throws<InvalidOperationException>(() => _h.Manager.OnOrderStatus(id, OrderStatus.Accepted, null));

        Assert.Contains(id.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderStatus.Filled)]
    [InlineData(OrderStatus.PartiallyFilled)]
    public void FillStatusReportedWithoutAFill_Throws(OrderStatus status)
    {
        var id = _h.Working(LimitBuy());

        Assert.Throws<InvalidOperationException>(() => _h.Manager.OnOrderStatus(id, status, null));
        Assert.Equal(OrderStatus.Accepted, _h.Open(id).Status);
    }

    [Theory]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.Accepted)]
    public void StatusForAFilledOrder_Throws_NamingTheOrder(OrderStatus status)
    {
        var id = _h.Working(LimitBuy());
        _h.Manager.OnFill(FillOf(id, "0.01", "50000"));

        var error = Assert.Throws<InvalidOperationException>(() => _h.Manager.OnOrderStatus(id, status, null));

        Assert.Contains(id.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FillForACancelledOrder_Throws()
    {
        var id = _h.Working(LimitBuy());
        _h.Manager.OnOrderStatus(id, OrderStatus.Cancelled, null);

        Assert.Throws<InvalidOperationException>(() => _h.Manager.OnFill(FillOf(id, "0.01", "50000")));
    }

    [Fact]
    public void FillForAnUnknownOrder_Throws_NamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _h.Manager.OnFill(FillOf(new ClientOrderId(77), "0.01", "50000")));

        Assert.Contains("co-77", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FillLargerThanTheRemainder_Throws_NamingTheOrderAndQuantities()
    {
        var id = _h.Working(LimitBuy());
        _h.Manager.OnFill(FillOf(id, "0.006", "50000"));

        var error = Assert.Throws<InvalidOperationException>(() => _h.Manager.OnFill(FillOf(id, "0.005", "50000")));

        Assert.Contains(id.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("0.004", error.Message, StringComparison.Ordinal);
        Assert.Equal(Quantity.Parse("0.006"), _h.Open(id).FilledQuantity);
    }

    [Fact]
    public void FillOfTheWrongSide_Throws()
    {
        var id = _h.Working(LimitBuy());

        var sell = FillOf(id, "0.01", "50000") with { Side = OrderSide.Sell };

        Assert.Throws<InvalidOperationException>(() => _h.Manager.OnFill(sell));
    }

    [Fact]
    public void ZeroQuantityFill_Throws()
    {
        var id = _h.Working(LimitBuy());

        Assert.Throws<InvalidOperationException>(() => _h.Manager.OnFill(FillOf(id, "0", "50000")));
    }
}
