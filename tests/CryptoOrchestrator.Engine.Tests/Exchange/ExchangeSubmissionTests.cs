using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class ExchangeSubmissionTests
{
    private readonly ExchangeHarness _h = new();

    private (ClientOrderId Id, OrderStatus Status, string? Reason) Answer(in OrderRequest request)
    {
        var id = _h.Submit(request);
        return _h.Events.Statuses.Single(s => s.Id == id);
    }

    [Fact]
    public void WellFormedOrder_IsAccepted_AndWorks()
    {
        var answer = Answer(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("49000.5")));

        Assert.Equal(OrderStatus.Accepted, answer.Status);
        Assert.Null(answer.Reason);
        Assert.Equal(1, _h.Exchange.RestingOrderCount);
    }

    [Fact]
    public void LimitPriceOffTheTick_IsRejected_PriceNotOnTick()
    {
        var answer = Answer(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("49000.005")));

        Assert.Equal((OrderStatus.Rejected, OrderRejectReasons.PriceNotOnTick), (answer.Status, answer.Reason));
        Assert.Equal(0, _h.Exchange.RestingOrderCount);
    }

    [Fact]
    public void StopPriceOffTheTick_IsRejected_PriceNotOnTick()
    {
        var answer = Answer(OrderRequest.StopMarket(BtcUsdt, OrderSide.Sell, Qty("0.01"), Px("49000.001")));

        Assert.Equal(OrderRejectReasons.PriceNotOnTick, answer.Reason);
    }

    [Fact]
    public void QuantityOffTheLot_IsRejected_QuantityNotOnLot()
    {
        var answer = Answer(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.000015")));

        Assert.Equal(OrderRejectReasons.QuantityNotOnLot, answer.Reason);
    }

    [Fact]
    public void MalformedOrder_IsRejected_Malformed()
    {
        var answer = Answer(OrderRequest.StopLimit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("50000"), Price.Zero));

        Assert.Equal(OrderRejectReasons.Malformed, answer.Reason);
    }

    [Fact]
    public void OrderWithTheIdOfAWorkingOrder_IsRejectedAsDuplicate()
    {
        var id = new ClientOrderId(9);
        var request = OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("49000"));
        _h.Exchange.Submit(ExchangeHarness.NewOrder(id, request));

        _h.Exchange.Submit(ExchangeHarness.NewOrder(id, request));

        Assert.Equal((id, OrderStatus.Rejected, OrderRejectReasons.DuplicateClientOrderId), _h.Events.Statuses[^1]);
        Assert.Equal(1, _h.Exchange.RestingOrderCount);
    }

    [Fact]
    public void OrderNotInStatusNew_IsRefused_NamingIt()
    {
        var id = new ClientOrderId(3);
        var accepted = ExchangeHarness.NewOrder(id, OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("1"))) with { Status = OrderStatus.Accepted };

        var error = Assert.Throws<ArgumentException>(() => _h.Exchange.Submit(accepted));

        Assert.Contains("co-3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitBeforeConnect_Throws()
    {
        var exchange = new SimulatedExchange(new SimulatedExchangeOptions());
        var order = ExchangeHarness.NewOrder(new ClientOrderId(1), OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("1")));

        Assert.Throws<InvalidOperationException>(() => exchange.Submit(order));
    }

    [Fact]
    public void Connect_NeedsNothingFromTheContext()
    {
        var exchange = new SimulatedExchange(new SimulatedExchangeOptions());
        var events = new RecordingExchangeEvents();

        exchange.Connect(new MinimalPluginContext(), events);
        exchange.Submit(ExchangeHarness.NewOrder(new ClientOrderId(1), OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("1"))));
        exchange.OnBar(BtcUsdt, Bar(0, "100", "100", "100", "100"));

        Assert.Single(events.Fills);
    }

    [Fact]
    public void Metadata_DescribesAnExchangePlugin()
    {
        var metadata = new SimulatedExchange(new SimulatedExchangeOptions()).Metadata;

        Assert.Equal("simulated-exchange", metadata.Id);
        Assert.Equal(PluginKind.Exchange, metadata.Kind);
    }

    [Fact]
    public void ReduceOnlyOrder_IsAcceptedAndFilledLikeAnyOther_BecauseThePipelineEnforcesIt()
    {
        _h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Sell, Qty("0.01")) with { ReduceOnly = true });

        _h.FlatBar("50000");

        Assert.Equal(Qty("0.01"), Assert.Single(_h.Events.Fills).Quantity);
    }
}
