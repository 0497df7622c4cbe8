using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>
/// Whether a resting order trades in a bar, and at what price before slippage. Bars say nothing
/// of the path inside them, so every rule takes the side that does not flatter the trader.
/// </summary>
internal static class BarMatching
{
    /// <summary>
    /// Decides whether <paramref name="order"/> trades in <paramref name="bar"/>, triggering stops as a
    /// side effect. On a match gives the reference price and who took liquidity.
    /// </summary>
    public static bool TryMatch(ref RestingOrder order, in Bar bar, FillTiming timing, out Price reference, out Liquidity liquidity)
    {
        ref readonly var request = ref order.Request;
        switch (request.Type)
        {
            case OrderType.Market:
            case OrderType.StopMarket when order.Triggered:
                return AtMarket(bar, timing, out reference, out liquidity, out _);

            case OrderType.StopMarket:
                if (!TryTrigger(ref order, bar, out reference, out _))
                {
                    break;
                }

                liquidity = Liquidity.Taker;
                return true;

            case OrderType.Limit:
                // A limit that would have crossed the last price on arrival takes liquidity on its first fill; later it rested.
                var taker = order.MarketableOnArrival && !order.Evaluated;
                return AtLimit(request, bar, taker, out reference, out liquidity, out _);

            case OrderType.StopLimit when order.Triggered:
                return AtLimit(request, bar, false, out reference, out liquidity, out _);

            case OrderType.StopLimit:
                if (!TryTrigger(ref order, bar, out reference, out _))
                {
                    break;
                }

                // Marketable at the trigger (the trigger price is through the limit): it takes liquidity there.
                // Otherwise it rests as a limit from the next bar: whether the bar came back through the limit
                // after the trigger cannot be told from the bar.
                liquidity = Liquidity.Taker;
                return request.Side == OrderSide.Buy ? reference < request.LimitPrice : reference > request.LimitPrice;
        }

        reference = default;
        liquidity = default;
        return false;
    }

    private static bool AtMarket(in Bar bar, FillTiming timing, out Price reference, out Liquidity liquidity, out bool atOpen)
    {
        atOpen = timing == FillTiming.NextOpen;
        reference = atOpen ? bar.Open : bar.Close;
        liquidity = Liquidity.Taker;
        return true;
    }

    /// <summary>A limit fills only when the bar trades through it (touching is not enough: the queue ahead may take all), at the open if it gapped through.</summary>
    private static bool AtLimit(in OrderRequest request, in Bar bar, bool taker, out Price reference, out Liquidity liquidity, out bool atOpen)
    {
        var limit = request.LimitPrice;
        var buy = request.Side == OrderSide.Buy;
        liquidity = taker ? Liquidity.Taker : Liquidity.Maker;
        if (buy ? bar.Low >= limit : bar.High <= limit)
        {
            reference = default;
            atOpen = false;
            return false;
        }

        atOpen = buy ? bar.Open < limit : bar.Open > limit;
        reference = atOpen ? bar.Open : limit;
        return true;
    }

    /// <summary>
    /// Triggers a stop when the bar reaches it (touching is enough: the stop price traded), giving the
    /// price at which it turned into an order: the stop, or the open when the bar gapped past it.
    /// </summary>
    private static bool TryTrigger(ref RestingOrder order, in Bar bar, out Price triggerPrice, out bool atOpen)
    {
        var stop = order.Request.StopPrice;
        var buy = order.Side == OrderSide.Buy;
        atOpen = buy ? bar.Open > stop : bar.Open < stop;
        triggerPrice = atOpen ? bar.Open : stop;
        order.Triggered = buy ? bar.High >= stop : bar.Low <= stop;
        return order.Triggered;
    }
}
