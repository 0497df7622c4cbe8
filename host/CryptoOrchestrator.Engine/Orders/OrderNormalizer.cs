using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Orders;

/// <summary>
/// Fits a request to its instrument's rules before it is queued, with every rounding direction
/// chosen so the order never becomes worse for its owner than what was asked.
/// </summary>
internal static class OrderNormalizer
{
    /// <summary>
    /// Rounds the request to lot and tick and checks it against the venue's rules. Returns the reason
    /// code when it must be rejected (then <paramref name="normalized"/> is the request unchanged), or null.
    /// </summary>
    public static string? Normalize(in OrderRequest request, Price referencePrice, out OrderRequest normalized)
    {
        normalized = request;
        if (request.Malformation() is not null)
        {
            return OrderRejectReasons.Malformed;
        }

        var instrument = request.Instrument;

        // Down to the lot: rounding up would buy or sell more than the owner asked for.
        var quantity = instrument.RoundQuantity(request.Quantity, MidpointRounding.ToZero);
        if (quantity.IsZero)
        {
            return OrderRejectReasons.BelowLotSize;
        }

        // A buy limit rounds down and a sell limit up: the order may fill less often, never at a worse price.
        var limitPrice = request.LimitPrice.IsZero
            ? Price.Zero
            : instrument.RoundPrice(request.LimitPrice, request.Side == OrderSide.Buy ? MidpointRounding.ToNegativeInfinity : MidpointRounding.ToPositiveInfinity);

        // A stop has no better side (earlier protects, later avoids noise), so it goes to the nearest tick.
        var stopPrice = request.StopPrice.IsZero
            ? Price.Zero
            : instrument.RoundPrice(request.StopPrice, MidpointRounding.AwayFromZero);

        var needsLimit = request.Type is OrderType.Limit or OrderType.StopLimit;
        var needsStop = request.Type is OrderType.StopMarket or OrderType.StopLimit;
        if ((needsLimit && limitPrice.IsZero) || (needsStop && stopPrice.IsZero))
        {
            return OrderRejectReasons.BelowTickSize;
        }

        // A market or stop-market order is valued at the latest trade; before the instrument has traded
        // (a strategy ordering an instrument whose first bar has not arrived) there is nothing to value it at.
        if (!needsLimit && referencePrice.Units <= 0)
        {
            return OrderRejectReasons.NoReferencePrice;
        }

        normalized = request with { Quantity = quantity, LimitPrice = limitPrice, StopPrice = stopPrice };
        var notionalPrice = needsLimit ? limitPrice : referencePrice;
        return instrument.MeetsMinNotional(notionalPrice, quantity) ? null : OrderRejectReasons.MinNotional;
    }
}
