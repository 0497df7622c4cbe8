using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;
using static CryptoOrchestrator.Engine.Tests.Orders.ManagerHarness;

namespace CryptoOrchestrator.Engine.Tests.Orders;

public class FillAccountingTests
{
    private readonly ManagerHarness _h = new();

    [Fact]
    public void FilledQuantityAndNotional_AccumulateAcrossPartialFills()
    {
        var id = _h.Working(OrderRequest.Limit(Btc, OrderSide.Buy, Qty("1"), Px("101")));

        _h.Manager.OnFill(FillOf(id, "0.4", "100"));
        var partial = _h.Open(id);
        _h.Manager.OnFill(FillOf(id, "0.6", "101"));

        Assert.Equal(Qty("0.4"), partial.FilledQuantity);
        Assert.Equal(40m, partial.FilledNotional);
        Assert.Equal(Qty("0.6"), partial.RemainingQuantity);
        var filled = _h.Listener.Updates[^1].Order;
        Assert.Equal(OrderStatus.Filled, filled.Status);
        Assert.Equal(Qty("1"), filled.FilledQuantity);
        Assert.Equal(100.6m, filled.FilledNotional);
        Assert.Equal(100.6m, filled.AverageFillPrice);
    }

    [Fact]
    public void Listener_HearsOfEachFill_BeforeTheOrderUpdateItCauses()
    {
        var id = _h.Working(LimitBuy());
        _h.Listener.Log.Clear();

        _h.Manager.OnFill(FillOf(id, "0.004", "50000"));
        _h.Manager.OnFill(FillOf(id, "0.006", "49999"));

        Assert.Equal(
            [$"{id} fill 0.004@50000", $"{id} PartiallyFilled", $"{id} fill 0.006@49999", $"{id} Filled"],
            _h.Listener.Log);
    }

    [Fact]
    public void FillsAndUpdates_CarryTheOrdersOwner()
    {
        var id = _h.Working(LimitBuy(), owner: 2);

        _h.Manager.OnFill(FillOf(id, "0.01", "50000"));

        Assert.Equal(2, Assert.Single(_h.Listener.Fills).Owner);
        Assert.All(_h.Listener.Updates, u => Assert.Equal(2, u.Owner));
    }

    [Fact]
    public void FillUpdate_IsStampedWithTheFillsTime()
    {
        var id = _h.Working(LimitBuy());

        _h.Manager.OnFill(FillOf(id, "0.01", "50000", time: Now + 90_000));

        Assert.Equal(Now + 90_000, _h.Listener.Updates[^1].Order.Time);
    }

    [Fact]
    public void ExchangeStatus_IsStampedWithTheClock_WhenTheManagerHasOne()
    {
        var clock = new FixedClock { NowMs = Now + 120_000 };
        var listener = new RecordingOrderListener();
        var manager = new OrderManager(new RecordingExchange(), listener, clock, expectedOpenOrders: 4);
        var id = manager.Submit(LimitBuy(), 0, Now, Px("50000")).Id;
        manager.Flush(Now);

        manager.OnOrderStatus(id, OrderStatus.Accepted, null);

        Assert.Equal(Now + 120_000, listener.Updates[^1].Order.Time);
    }

    [Fact]
    public void ExchangeStatus_WithoutAClock_IsStampedWithTheLatestTimeTheManagerWasGiven()
    {
        var id = _h.Submit(LimitBuy()).Id;
        _h.Manager.Flush(Now + 30_000);

        _h.Manager.OnOrderStatus(id, OrderStatus.Accepted, null);

        Assert.Equal(Now + 30_000, _h.Listener.Updates[^1].Order.Time);
    }

    private sealed class FixedClock : IClock
    {
        public long NowMs { get; set; }
    }
}
