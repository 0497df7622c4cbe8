namespace CryptoOrchestrator.Engine.Orders;

/// <summary>
/// The reason codes the order manager and the simulated exchange put on orders that end without
/// filling completely. Literals, so that reporting a reason allocates nothing; owners match on them.
/// </summary>
public static class OrderRejectReasons
{
    /// <summary>The request fails <c>OrderRequest.Malformation()</c>, which says exactly what is wrong.</summary>
    public const string Malformed = "malformed-request";

    /// <summary>The quantity is zero once rounded down to the instrument's lot size.</summary>
    public const string BelowLotSize = "below-lot-size";

    /// <summary>A limit or stop price is zero once rounded to the instrument's tick size.</summary>
    public const string BelowTickSize = "below-tick-size";

    /// <summary>Price × quantity is below the instrument's minimum notional.</summary>
    public const string MinNotional = "min-notional";

    /// <summary>A market or stop-market order for an instrument that has not traded yet: there is no price to value it at.</summary>
    public const string NoReferencePrice = "no-reference-price";

    /// <summary>A client order id is negative; ids are positive, or none to have one assigned.</summary>
    public const string InvalidClientOrderId = "invalid-client-order-id";

    /// <summary>Another owner has an open order with this client order id.</summary>
    public const string DuplicateClientOrderId = "duplicate-client-order-id";

    /// <summary>The exchange refused a limit or stop price that is not a multiple of the tick size.</summary>
    public const string PriceNotOnTick = "price-not-on-tick";

    /// <summary>The exchange refused a quantity that is not a multiple of the lot size.</summary>
    public const string QuantityNotOnLot = "quantity-not-on-lot";

    /// <summary>A reduce-only order would open or grow a position (checked by the pipeline: the venue cannot see positions).</summary>
    public const string ReduceOnlyWouldIncrease = "reduce-only-would-increase";

    /// <summary>The order was cancelled because its owner asked.</summary>
    public const string CancelRequested = "cancel-requested";

    /// <summary>An immediate-or-cancel order's unfilled remainder expired.</summary>
    public const string ImmediateOrCancelExpired = "ioc-expired";

    /// <summary>A fill-or-kill order could not fill completely at once and expired without filling.</summary>
    public const string FillOrKillExpired = "fok-expired";
}
