using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Tests.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Orders;

/// <summary>The exchange answers synchronously from inside Submit and Cancel, and listeners act from inside callbacks.</summary>
public class OrderManagerReentrancyTests
{
    private const long Now = 1_000_000;

    private readonly RecordingOrderListener _listener = new();
    private OrderManager _manager = null!;
    private SimulatedExchange _exchange = null!;

    private void Connect(SimulatedExchangeOptions options)
    {
        _exchange = new SimulatedExchange(options);
        _manager = new OrderManager(_exchange, _listener);
        _exchange.Connect(new MinimalPluginContext(), _manager);
    }

    private OrderSnapshot SubmitMarketBuy(string quantity, long id = 0) =>
        _manager.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty(quantity)) with { ClientOrderId = new ClientOrderId(id) }, 0, Now, Px("50000"));

    [Fact]
    public void SignalCloseFill_InsideFlush_ReachesTheListenerInOrder_AndClosesTheOrder()
    {
        Connect(new SimulatedExchangeOptions { FillTiming = FillTiming.SignalClose });
        _exchange.OnBar(BtcUsdt, Bar(0, "49900", "50100", "49800", "50000"));

        var id = SubmitMarketBuy("0.01").Id;
        _manager.Flush(Now);

        Assert.Equal([$"{id} New", $"{id} Accepted", $"{id} fill 0.01@50000", $"{id} Filled"], _listener.Log);
        Assert.Equal(0, _manager.OpenOrderCount);
    }

    [Fact]
    public void CancelFromInsideAFillCallback_IsReportedAfterTheUpdateOfThatFill_WithoutReenteringTheListener()
    {
        Connect(new SimulatedExchangeOptions { Slippage = new VolumeShareSlippage(0m, 0.5m) });
        var id = SubmitMarketBuy("2").Id;
        _manager.Flush(Now);
        _listener.AfterFill = fill => _manager.Cancel(fill.OrderId, Now);
        _listener.Log.Clear();

        // Volume 2 at a 50% limit: 1 of the 2 BTC fills, then the listener cancels the rest.
        _exchange.OnBar(BtcUsdt, Bar(1, "50000", "50000", "50000", "50000", volume: "2"));

        Assert.Equal([$"{id} fill 1@50000", $"{id} PartiallyFilled", $"{id} Cancelled"], _listener.Log);
        Assert.Equal(1, _listener.MaxDepth);
        Assert.Equal(0, _manager.OpenOrderCount);
        Assert.Equal(0, _exchange.RestingOrderCount);
    }

    [Fact]
    public void OrderSubmittedFromInsideAFillCallbackDuringFlush_GoesOutInTheSameFlush_AfterTheFirstOrdersUpdates()
    {
        Connect(new SimulatedExchangeOptions { FillTiming = FillTiming.SignalClose });
        _exchange.OnBar(BtcUsdt, Bar(0, "50000", "50000", "50000", "50000"));
        var first = SubmitMarketBuy("0.01", id: 1).Id;
        _listener.AfterFill = fill =>
        {
            if (fill.OrderId == first)
            {
                SubmitMarketBuy("0.02", id: 2);
                _manager.Flush(Now);
            }
        };

        _manager.Flush(Now);

        var second = new ClientOrderId(2);
        Assert.Equal(
            [
                $"{first} New", $"{first} Accepted", $"{first} fill 0.01@50000", $"{first} Filled",
                $"{second} New", $"{second} Accepted", $"{second} fill 0.02@50000", $"{second} Filled",
            ],
            _listener.Log);
        Assert.Equal(1, _listener.MaxDepth);
        Assert.Equal(0, _manager.QueuedCount);
    }

    [Fact]
    public void IdOfAnOrderJustFilled_CanBeReusedFromInsideItsFinalUpdate()
    {
        Connect(new SimulatedExchangeOptions { FillTiming = FillTiming.SignalClose });
        _exchange.OnBar(BtcUsdt, Bar(0, "50000", "50000", "50000", "50000"));
        OrderSnapshot reused = default;
        _listener.AfterUpdate = order =>
        {
            if (order.Status == OrderStatus.Filled && reused.Id.IsNone)
            {
                reused = _manager.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Sell, Qty("0.01"), Px("60000")) with { ClientOrderId = order.Id }, 0, Now, Px("50000"));
            }
        };

        SubmitMarketBuy("0.01", id: 7);
        _manager.Flush(Now);

        Assert.Equal(7, reused.Id.Value);
        Assert.Equal(OrderStatus.New, reused.Status);
        Assert.True(_manager.TryGet(reused.Id, out var open));
        Assert.Equal(OrderSide.Sell, open.Request.Side);
    }
}
