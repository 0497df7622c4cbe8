using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Tests.Domain;

public class OrderRequestTests
{
    private static readonly Instrument Btc = Instrument.Spot("BTCUSDT");
    private static readonly Quantity One = Quantity.FromWhole(1);
    private static readonly Price Px = Price.Parse("42000");

    public static TheoryData<string, string?> Requests => new()
    {
        { "market", null },
        { "limit", null },
        { "stop-market", null },
        { "stop-limit", null },
        { "limit-ioc", null },
        { "initializer-without-time-in-force", null },
        { "default", "instrument is missing" },
        { "zero-quantity", "quantity must be positive" },
        { "negative-quantity", "quantity must be positive" },
        { "unknown-side", "side is unknown" },
        { "unknown-time-in-force", "time in force is unknown" },
        { "limit-without-price", "limit order needs a positive limit price" },
        { "limit-negative-price", "limit order needs a positive limit price" },
        { "stop-without-price", "stop order needs a positive stop price" },
        { "stop-limit-without-limit", "stop-limit order needs positive stop and limit prices" },
        { "stop-limit-without-stop", "stop-limit order needs positive stop and limit prices" },
        { "unknown-type", "order type is unknown" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Malformation_NamesWhatIsWrong_OrIsNullForAWellFormedRequest(string name, string? malformation) =>
        Assert.Equal(malformation, Build(name).Malformation());

    [Fact]
    public void Factories_FillInTypePricesAndGoodTillCancelled()
    {
        var stopLimit = OrderRequest.StopLimit(Btc, OrderSide.Sell, One, Price.Parse("41000"), Price.Parse("40900"));

        Assert.Equal(OrderType.StopLimit, stopLimit.Type);
        Assert.Equal(Price.Parse("41000"), stopLimit.StopPrice);
        Assert.Equal(Price.Parse("40900"), stopLimit.LimitPrice);
        Assert.Equal(TimeInForce.Gtc, stopLimit.TimeInForce);
        Assert.Equal(TimeInForce.Gtc, OrderRequest.Market(Btc, OrderSide.Buy, One).TimeInForce);
        Assert.True(OrderRequest.Market(Btc, OrderSide.Buy, One).LimitPrice.IsZero);
    }

    [Fact]
    public void ObjectInitializer_DefaultsToGoodTillCancelled_AsDocumented()
    {
        var request = new OrderRequest { Instrument = Btc, Side = OrderSide.Buy, Type = OrderType.Market, Quantity = One };

        Assert.Equal(TimeInForce.Gtc, request.TimeInForce);
    }

    private static OrderRequest Build(string name) => name switch
    {
        "market" => OrderRequest.Market(Btc, OrderSide.Buy, One),
        "limit" => OrderRequest.Limit(Btc, OrderSide.Sell, One, Px),
        "stop-market" => OrderRequest.StopMarket(Btc, OrderSide.Sell, One, Px),
        "stop-limit" => OrderRequest.StopLimit(Btc, OrderSide.Buy, One, Px, Px),
        "limit-ioc" => OrderRequest.Limit(Btc, OrderSide.Buy, One, Px) with { TimeInForce = TimeInForce.Ioc },
        "initializer-without-time-in-force" => new OrderRequest { Instrument = Btc, Side = OrderSide.Buy, Type = OrderType.Market, Quantity = One },
        "default" => default,
        "zero-quantity" => OrderRequest.Market(Btc, OrderSide.Buy, Quantity.Zero),
        "negative-quantity" => OrderRequest.Market(Btc, OrderSide.Buy, -One),
        "unknown-side" => OrderRequest.Market(Btc, (OrderSide)0, One),
        "unknown-time-in-force" => OrderRequest.Market(Btc, OrderSide.Buy, One) with { TimeInForce = (TimeInForce)9 },
        "limit-without-price" => OrderRequest.Limit(Btc, OrderSide.Buy, One, Price.Zero),
        "limit-negative-price" => OrderRequest.Limit(Btc, OrderSide.Buy, One, Price.Parse("-1")),
        "stop-without-price" => OrderRequest.StopMarket(Btc, OrderSide.Buy, One, Price.Zero),
        "stop-limit-without-limit" => OrderRequest.StopLimit(Btc, OrderSide.Buy, One, Px, Price.Zero),
        "stop-limit-without-stop" => OrderRequest.StopLimit(Btc, OrderSide.Buy, One, Price.Zero, Px),
        "unknown-type" => OrderRequest.Market(Btc, OrderSide.Buy, One) with { Type = (OrderType)9 },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such request in this test."),
    };
}
