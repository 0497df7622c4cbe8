using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Orders.ManagerHarness;

namespace CryptoOrchestrator.Engine.Tests.Orders;

public class ClientOrderIdIdempotencyTests
{
    private readonly ManagerHarness _h = new();

    [Fact]
    public void SameIdAndOwner_WhileOpen_ReturnsTheOpenOrderUnchanged_AndCreatesNothing()
    {
        var first = _h.Submit(LimitBuy(id: 42));

        var again = _h.Submit(LimitBuy(id: 42) with { Quantity = Quantity.Parse("0.5") });

        Assert.Equal(first, again);
        Assert.Equal(Quantity.Parse("0.01"), again.Request.Quantity);
        Assert.Single(_h.Listener.Updates);
        _h.Manager.Flush(Now);
        Assert.Single(_h.Exchange.Submitted);
    }

    [Fact]
    public void SameId_WhileWorkingAtTheExchange_ReturnsItsCurrentState()
    {
        var id = _h.Working(LimitBuy(id: 42));
        _h.Manager.OnFill(FillOf(id, "0.004", "50000"));

        var again = _h.Submit(LimitBuy(id: 42));

        Assert.Equal(OrderStatus.PartiallyFilled, again.Status);
        Assert.Equal(Quantity.Parse("0.004"), again.FilledQuantity);
        Assert.Single(_h.Exchange.Submitted);
    }

    [Fact]
    public void SameId_AfterTheOrderFilled_CreatesANewOrder()
    {
        var id = _h.Working(LimitBuy(id: 42));
        _h.Manager.OnFill(FillOf(id, "0.01", "50000"));

        var reused = _h.Submit(LimitBuy(id: 42) with { Quantity = Quantity.Parse("0.02") });

        Assert.Equal(OrderStatus.New, reused.Status);
        Assert.Equal(Quantity.Zero, reused.FilledQuantity);
        Assert.Equal(Quantity.Parse("0.02"), reused.Request.Quantity);
        _h.Manager.Flush(Now);
        Assert.Equal(2, _h.Exchange.Submitted.Count);
    }

    [Fact]
    public void SameId_AfterCancelWhileQueued_CreatesANewOrder()
    {
        var first = _h.Submit(LimitBuy(id: 42));
        _h.Manager.Cancel(first.Id, Now);

        var reused = _h.Submit(LimitBuy(id: 42));

        Assert.Equal(OrderStatus.New, reused.Status);
        Assert.Equal(1, _h.Manager.OpenOrderCount);
    }

    [Fact]
    public void SameId_FromAnotherOwner_WhileOpen_IsRejectedAsDuplicate_AndLeavesTheOpenOrderAlone()
    {
        var mine = _h.Submit(LimitBuy(id: 42), owner: 0);

        var theirs = _h.Submit(LimitBuy(id: 42), owner: 1);

        Assert.Equal(OrderStatus.Rejected, theirs.Status);
        Assert.Equal(OrderRejectReasons.DuplicateClientOrderId, theirs.Reason);
        Assert.Equal(1, _h.Listener.Updates[^1].Owner);
        Assert.Equal(mine, _h.Open(mine.Id));
    }

    [Fact]
    public void NoId_GetsTheNextIdFromASequence()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => _h.Submit(LimitBuy()).Id.Value).ToArray();

        Assert.Equal([1L, 2L, 3L], ids);
    }

    [Fact]
    public void AssignedIds_SkipIdsThatCallersChoseForOpenOrders()
    {
        _h.Submit(LimitBuy(id: 1));
        _h.Submit(LimitBuy(id: 2));

        var assigned = _h.Submit(LimitBuy());

        Assert.Equal(3, assigned.Id.Value);
    }

    [Fact]
    public void NegativeId_IsRejected()
    {
        var order = _h.Submit(LimitBuy(id: -5));

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal(OrderRejectReasons.InvalidClientOrderId, order.Reason);
        Assert.Equal(0, _h.Manager.OpenOrderCount);
    }
}
