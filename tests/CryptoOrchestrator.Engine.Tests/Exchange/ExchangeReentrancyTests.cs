using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

/// <summary>The receiver of the exchange's events submits orders from inside them.</summary>
public class ExchangeReentrancyTests
{
    [Fact]
    public void OrderSubmittedFromInsideAFillEvent_WaitsForTheNextBar()
    {
        var h = new ExchangeHarness();
        var first = h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.01")));
        var followUp = ClientOrderId.None;
        h.Events.AfterFill = fill =>
        {
            if (fill.OrderId == first)
            {
                followUp = h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Sell, Qty("0.01")));
            }
        };

        h.FlatBar("50000");
        Assert.Equal([first], h.Events.Fills.Select(f => f.OrderId));

        h.FlatBar("50100");
        Assert.Equal((followUp, Px("50100")), (h.Events.Fills[^1].OrderId, h.Events.Fills[^1].Price));
    }

    [Fact]
    public void ManyOrdersSubmittedFromInsideFillEvents_WhileABarIsMatched_LeaveEveryRestingOrderFilledOnce_OldestFirst()
    {
        // 100 resting orders outgrow the book's first array; each fill submits another order, which
        // grows it again in the middle of matching.
        const int Resting = 100;
        var h = new ExchangeHarness();
        h.FlatBar("50000");
        var resting = Enumerable.Range(0, Resting)
            .Select(_ => h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("49000"))))
            .ToList();
        var followUps = new List<ClientOrderId>();
        h.Events.AfterFill = fill =>
        {
            if (resting.Contains(fill.OrderId))
            {
                followUps.Add(h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Sell, Qty("0.01"), Px("51000"))));
            }
        };

        h.Bar("49500", "49500", "48000", "48500");

        Assert.Equal(resting, h.Events.Fills.Select(f => f.OrderId));
        Assert.Equal(Resting, h.Exchange.RestingOrderCount);

        h.Bar("51500", "52000", "51400", "51800");

        Assert.Equal(followUps, h.Events.Fills.Skip(Resting).Select(f => f.OrderId));
        Assert.Equal(0, h.Exchange.RestingOrderCount);

        // Back down through the first orders' limit: none of them may fill a second time.
        h.Bar("49500", "49500", "48000", "48500");

        Assert.Equal(2 * Resting, h.Events.Fills.Count);
    }
}
