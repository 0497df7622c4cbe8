using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Risk;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// The one road every order takes to the order manager, whether a strategy placed it or it came
/// from sized signals: reduce-only enforcement (the venue cannot see positions, so it happens
/// here), the exclusive-position rule, then the risk rules.
/// </summary>
internal sealed class OrderRouter(OrderManager orders, Accounting.Portfolio portfolio, RiskGate risk, PositionMode mode)
{
    /// <summary>Reason code for a reduce-only order that would open or grow a position.</summary>
    public const string ReduceOnlyWouldIncrease = OrderRejectReasons.ReduceOnlyWouldIncrease;

    /// <summary>Routes an order; in exclusive mode an entry first closes the open position.</summary>
    public OrderSnapshot Route(in OrderRequest request, int owner, long now)
    {
        if (request.Malformation() is null && !request.ReduceOnly && mode == PositionMode.Exclusive)
        {
            var held = portfolio.PositionQuantity(portfolio.IndexOf(request.Instrument));
            if (!held.IsZero)
            {
                Submit(Close(request.Instrument, held, request.Priority + 1), owner, now);
            }
        }

        return Submit(request, owner, now);
    }

    /// <summary>Sends one order past the reduce-only check and the risk rules to the order manager.</summary>
    public OrderSnapshot Submit(OrderRequest request, int owner, long now)
    {
        if (request.Malformation() is not null)
        {
            // The order manager names the malformation in the rejection.
            return orders.Submit(request, owner, now, Price.Zero);
        }

        var index = portfolio.IndexOf(request.Instrument);
        if (request.ReduceOnly)
        {
            var held = portfolio.PositionQuantity(index);
            var reduces = request.Side == OrderSide.Buy ? held.IsNegative : held.Units > 0;
            if (!reduces)
            {
                return orders.Reject(request, owner, now, ReduceOnlyWouldIncrease);
            }

            request = request with { Quantity = Quantity.Min(request.Quantity, held.Abs()) };
        }

        if (!risk.TryPass(ref request, out var reason))
        {
            return orders.Reject(request, owner, now, reason!);
        }

        return orders.Submit(request, owner, now, portfolio.LastPrice(index));
    }

    /// <summary>A reduce-only market order that flattens <paramref name="held"/>.</summary>
    public static OrderRequest Close(Instrument instrument, Quantity held, int priority) =>
        OrderRequest.Market(instrument, held.IsNegative ? OrderSide.Buy : OrderSide.Sell, held.Abs()) with
        {
            ReduceOnly = true,
            Priority = priority,
        };
}
