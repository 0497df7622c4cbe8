namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// What a strategy asks for. Build one with <see cref="Market"/>, <see cref="Limit"/>,
/// <see cref="StopMarket"/> or <see cref="StopLimit"/> and adjust it with <c>with</c>:
/// <c>OrderRequest.Limit(btc, OrderSide.Buy, qty, px) with { TimeInForce = TimeInForce.Ioc }</c>.
/// </summary>
public readonly record struct OrderRequest
{
    /// <summary>An empty request, good till cancelled; set the required members or use the factories.</summary>
    public OrderRequest()
    {
    }

    /// <summary>What to trade.</summary>
    public required Instrument Instrument { get; init; }

    /// <summary>Buy or sell.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Market, limit, stop-market or stop-limit.</summary>
    public required OrderType Type { get; init; }

    /// <summary>Positive amount of the base asset.</summary>
    public required Quantity Quantity { get; init; }

    /// <summary>Limit price for limit and stop-limit orders; zero otherwise.</summary>
    public Price LimitPrice { get; init; }

    /// <summary>Trigger price for stop orders; zero otherwise.</summary>
    public Price StopPrice { get; init; }

    /// <summary>How long the order may rest; GTC unless said otherwise.</summary>
    public TimeInForce TimeInForce { get; init; } = TimeInForce.Gtc;

    /// <summary>When true the order may only shrink the position, never open or grow one.</summary>
    public bool ReduceOnly { get; init; }

    /// <summary>Idempotency key; <see cref="ClientOrderId.None"/> lets the order manager assign one.</summary>
    public ClientOrderId ClientOrderId { get; init; }

    /// <summary>Ranks queued orders when several are released at once: higher goes first.</summary>
    public int Priority { get; init; }

    /// <summary>A market order.</summary>
    public static OrderRequest Market(Instrument instrument, OrderSide side, Quantity quantity) =>
        new() { Instrument = instrument, Side = side, Type = OrderType.Market, Quantity = quantity, TimeInForce = TimeInForce.Gtc };

    /// <summary>A limit order, good till cancelled.</summary>
    public static OrderRequest Limit(Instrument instrument, OrderSide side, Quantity quantity, Price limitPrice) =>
        new() { Instrument = instrument, Side = side, Type = OrderType.Limit, Quantity = quantity, LimitPrice = limitPrice, TimeInForce = TimeInForce.Gtc };

    /// <summary>A stop-market order: a market order once <paramref name="stopPrice"/> trades.</summary>
    public static OrderRequest StopMarket(Instrument instrument, OrderSide side, Quantity quantity, Price stopPrice) =>
        new() { Instrument = instrument, Side = side, Type = OrderType.StopMarket, Quantity = quantity, StopPrice = stopPrice, TimeInForce = TimeInForce.Gtc };

    /// <summary>A stop-limit order: a limit order at <paramref name="limitPrice"/> once <paramref name="stopPrice"/> trades.</summary>
    public static OrderRequest StopLimit(Instrument instrument, OrderSide side, Quantity quantity, Price stopPrice, Price limitPrice) =>
        new() { Instrument = instrument, Side = side, Type = OrderType.StopLimit, Quantity = quantity, StopPrice = stopPrice, LimitPrice = limitPrice, TimeInForce = TimeInForce.Gtc };

    /// <summary>
    /// Why the request is malformed (non-positive quantity, a missing price for its type,
    /// an unknown enum value), or null when it is well formed. Venue rules are checked later.
    /// </summary>
    public string? Malformation()
    {
        if (Instrument is null)
        {
            return "instrument is missing";
        }

        if (Quantity.Units <= 0)
        {
            return "quantity must be positive";
        }

        if (Side is not (OrderSide.Buy or OrderSide.Sell))
        {
            return "side is unknown";
        }

        if (TimeInForce is not (TimeInForce.Gtc or TimeInForce.Ioc or TimeInForce.Fok))
        {
            return "time in force is unknown";
        }

        return Type switch
        {
            OrderType.Market => null,
            OrderType.Limit => LimitPrice.Units > 0 ? null : "limit order needs a positive limit price",
            OrderType.StopMarket => StopPrice.Units > 0 ? null : "stop order needs a positive stop price",
            OrderType.StopLimit => StopPrice.Units > 0 && LimitPrice.Units > 0 ? null : "stop-limit order needs positive stop and limit prices",
            _ => "order type is unknown",
        };
    }
}
