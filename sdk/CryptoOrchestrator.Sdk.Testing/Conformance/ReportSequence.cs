using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// Replays an adapter's reports through <see cref="OrderStateMachine"/> as the engine's order manager applies them:
/// statuses only for orders that were submitted, fill statuses only through fills, fills of the right side and
/// instrument that never add up to more than the order.
/// </summary>
internal static class ReportSequence
{
    /// <summary>The first report the order manager would refuse, described; null when it would take them all.</summary>
    public static string? FirstViolation(IReadOnlyList<ReportedEvent> reports, IReadOnlyDictionary<ClientOrderId, OrderRequest> submitted)
    {
        var statuses = new Dictionary<ClientOrderId, OrderStatus>();
        var filled = new Dictionary<ClientOrderId, Quantity>();
        foreach (var report in reports)
        {
            var id = report.OrderId;
            if (!submitted.TryGetValue(id, out var request))
            {
                return $"'{report}' concerns an order that was never submitted";
            }

            OrderStatus next;
            if (report.Fill is { } fill)
            {
                var total = filled.GetValueOrDefault(id) + fill.Quantity;
                if (FillProblem(fill, request, total) is { } problem)
                {
                    return $"'{report}': {problem}";
                }

                filled[id] = total;
                next = total == request.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
            }
            else
            {
                next = report.Status!.Value;
                if (next is OrderStatus.New or OrderStatus.PartiallyFilled or OrderStatus.Filled)
                {
                    return $"'{report}': {next} is never reported as a status; fills go through OnFill and the order's status follows from them";
                }
            }

            var current = statuses.GetValueOrDefault(id, OrderStatus.New);
            if (!OrderStateMachine.CanTransition(current, next))
            {
                return $"'{report}': an order that is {current} cannot become {next}";
            }

            statuses[id] = next;
        }

        return null;
    }

    private static string? FillProblem(in Fill fill, in OrderRequest request, Quantity total)
    {
        if (fill.Quantity.Units <= 0)
        {
            return "a fill's quantity must be positive";
        }

        if (fill.Side != request.Side || fill.Instrument != request.Instrument)
        {
            return $"the order is a {request.Side} of {request.Instrument}";
        }

        return total > request.Quantity ? $"the fills add up to {total}, more than the order's {request.Quantity}" : null;
    }
}
