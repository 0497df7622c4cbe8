using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class ExchangeCancelTests
{
    private readonly ExchangeHarness _h = new();

    [Fact]
    public void Cancel_ReportsCancelledAtOnce_AndTheOrderNeverFills()
    {
        var id = _h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("49000")));

        _h.Exchange.Cancel(id);
        _h.Bar("49000", "49000", "48000", "48500");

        Assert.Equal((id, OrderStatus.Cancelled, OrderRejectReasons.CancelRequested), _h.Events.Statuses[^1]);
        Assert.Empty(_h.Events.Fills);
        Assert.Equal(0, _h.Exchange.RestingOrderCount);
    }

    [Fact]
    public void Cancel_OfAnOrderNoLongerWorking_ReportsNothing()
    {
        var id = _h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.01")));
        _h.FlatBar("50000");
        var reported = _h.Events.Log.Count;

        _h.Exchange.Cancel(id);
        _h.Exchange.Cancel(new ClientOrderId(404));

        Assert.Equal(reported, _h.Events.Log.Count);
    }

    [Fact]
    public void Cancel_FromInsideAFillEvent_StopsTheRestOfThatOrder()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = new VolumeShareSlippage(0m, 0.5m) });
        var id = h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("2")));
        h.Events.AfterFill = fill => h.Exchange.Cancel(fill.OrderId);

        h.FlatBar("50000", volume: "2");
        h.FlatBar("50000", volume: "2");

        Assert.Equal([$"{id} Accepted", $"{id} fill 1@50000", $"{id} Cancelled"], h.Events.Log);
    }

    [Fact]
    public void CancellingOneOrder_LeavesTheOthersWorkingInArrivalOrder()
    {
        var first = _h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("49000")));
        var second = _h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("49000")));
        var third = _h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("49000")));

        _h.Exchange.Cancel(second);
        _h.Bar("49000", "49000", "48000", "48500");

        Assert.Equal([first, third], _h.Events.Fills.Select(f => f.OrderId));
    }
}
