using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Risk;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Tests.Bots;

public class BotEventPayloadTests
{
    [Fact]
    public void OrderRejectedByARiskRule_IsAlsoARiskAlert_NamingTheRule()
    {
        var described = BotEventPayloads.Describe(Rejected(MaxPositionRule.ReasonCode)).ToList();

        Assert.Equal([BotEventTypes.Order, BotEventTypes.RiskAlert], described.Select(d => d.Type));
        Assert.Contains("\"reason\":\"max-position\"", described[1].PayloadJson, StringComparison.Ordinal);
        Assert.Contains("\"symbol\":\"BTCUSDT\"", described[1].PayloadJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderRejectReasons.MinNotional)]
    [InlineData(OrderRejectReasons.ReduceOnlyWouldIncrease)]
    public void OrderRejectedByTheExchangeOrderManagerOrPipeline_IsOnlyAnOrderEvent(string reason)
    {
        var described = BotEventPayloads.Describe(Rejected(reason)).ToList();

        Assert.Equal([BotEventTypes.Order], described.Select(d => d.Type));
    }

    [Fact]
    public void Order_IsDescribedWithExactDecimals_AndEnumsByName()
    {
        var request = OrderRequest.Limit(Streams.Btc, OrderSide.Sell, Quantity.FromDecimal(0.12345678m), Price.FromDecimal(43_210.5m));
        var order = new OrderSnapshot(new ClientOrderId(7), request, OrderStatus.PartiallyFilled, Quantity.FromDecimal(0.1m), 4_321.05m, 1_000, null);

        var (type, json) = Assert.Single(BotEventPayloads.Describe(new PendingBotEvent(PendingBotEventKind.Order, 1_000, "sma", Order: order)));

        Assert.Equal(BotEventTypes.Order, type);
        Assert.Equal(
            """{"owner":"sma","clientOrderId":7,"symbol":"BTCUSDT","side":"Sell","type":"Limit","quantity":0.12345678,"limitPrice":43210.5,"timeInForce":"Gtc","reduceOnly":false,"status":"PartiallyFilled","filledQuantity":0.1,"filledNotional":4321.05,"averagePrice":43210.5}""",
            json);
    }

    private static PendingBotEvent Rejected(string reason)
    {
        var request = OrderRequest.Market(Streams.Btc, OrderSide.Buy, Quantity.FromWhole(3));
        var order = new OrderSnapshot(new ClientOrderId(1), request, OrderStatus.Rejected, Quantity.Zero, 0m, 1_000, reason);
        return new PendingBotEvent(PendingBotEventKind.Order, 1_000, "counting", Order: order);
    }
}
