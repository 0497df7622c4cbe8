using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// What each conformance case does and checks. Every case ends by listening for a grace period and replaying
/// everything the adapter reported through the order state machine, so a duplicate or impossible report fails it.
/// </summary>
internal static class ConformanceCases
{
    /// <summary>The reason the venue gives in the reject case; the adapter must pass it on.</summary>
    public const string RejectReason = "insufficient balance (conformance reject)";

    private static readonly ClientOrderId First = new(1);
    private static readonly ClientOrderId Second = new(2);

    /// <summary>Accepted is reported once; the venue holds the same side, type, quantity and price.</summary>
    public static async Task PlaceAsync(ConformanceSession session)
    {
        session.Connect();
        session.Submit(First);
        await session.ExpectStatusAsync(First, OrderStatus.Accepted, $"Accepted for {First}").ConfigureAwait(false);
        await session.ExpectVenueHoldsAsync(First).ConfigureAwait(false);
        await session.SettleAsync().ConfigureAwait(false);
        ExpectOnly(session, First, OrderStatus.Accepted);
        session.EnsureReportsArePossible();
        session.CancelQuietly(First);
    }

    /// <summary>Cancelled is reported once, and the venue no longer holds the order.</summary>
    public static async Task CancelAsync(ConformanceSession session)
    {
        session.Connect();
        await PlaceAndCancelAsync(session, First).ConfigureAwait(false);
        await session.SettleAsync().ConfigureAwait(false);
        ExpectOnly(session, First, OrderStatus.Accepted, OrderStatus.Cancelled);
        session.EnsureReportsArePossible();
    }

    /// <summary>Two venue fills are reported as exactly two fills, with the venue's quantities and prices.</summary>
    public static async Task PartialFillAsync(ConformanceSession session)
    {
        var order = session.Order;
        session.Connect();
        await PlaceAsync(session, First).ConfigureAwait(false);
        await VenueFillsAsync(session, First, order.FirstFill, order.FirstFillPrice).ConfigureAwait(false);
        await VenueFillsAsync(session, First, order.SecondFill, order.SecondFillPrice).ConfigureAwait(false);
        await session.ExpectFillsAsync(First, 2, $"two fills of {First}").ConfigureAwait(false);
        await session.SettleAsync().ConfigureAwait(false);
        ExpectTheVenuesFills(session, First);
        session.EnsureReportsArePossible();
    }

    /// <summary>Rejected is reported with the venue's reason, and Accepted never is.</summary>
    public static async Task RejectAsync(ConformanceSession session)
    {
        session.Connect();
        session.NoteVenue($"reject the next order: \"{RejectReason}\"");
        session.Venue.RejectNextOrder(RejectReason);
        session.Submit(First);
        var rejected = await session.ExpectStatusAsync(First, OrderStatus.Rejected, $"Rejected for {First}").ConfigureAwait(false);
        if (rejected.Reason is null || !rejected.Reason.Contains(RejectReason, StringComparison.Ordinal))
        {
            throw session.Fail($"Rejected for {First} with the venue's reason \"{RejectReason}\" in it, not {(rejected.Reason is null ? "none" : $"\"{rejected.Reason}\"")}");
        }

        await session.SettleAsync().ConfigureAwait(false);
        ExpectOnly(session, First, OrderStatus.Rejected);
        session.EnsureReportsArePossible();
    }

    /// <summary>
    /// A fill before the connection drops and one while it is down are each reported exactly once after the adapter
    /// has reconnected by itself; a new order then places and cancels.
    /// </summary>
    public static async Task ReconnectAsync(ConformanceSession session)
    {
        var order = session.Order;
        session.Connect();
        await PlaceAsync(session, First).ConfigureAwait(false);
        await VenueFillsAsync(session, First, order.FirstFill, order.FirstFillPrice).ConfigureAwait(false);
        await session.ExpectFillsAsync(First, 1, $"the fill of {First} made while connected").ConfigureAwait(false);

        session.NoteVenue("drop the connection");
        await session.Venue.DropConnectionAsync().ConfigureAwait(false);
        await VenueFillsAsync(session, First, order.SecondFill, order.SecondFillPrice).ConfigureAwait(false);
        await session.ExpectFillsAsync(
            First,
            2,
            $"the fill of {First} made while disconnected ({ConformanceSession.Describe(order.SecondFill, order.SecondFillPrice)}), reported after the adapter reconnects")
            .ConfigureAwait(false);
        await session.SettleAsync().ConfigureAwait(false);
        ExpectTheVenuesFills(session, First);

        await PlaceAndCancelAsync(session, Second).ConfigureAwait(false);
        await session.SettleAsync().ConfigureAwait(false);
        ExpectOnly(session, Second, OrderStatus.Accepted, OrderStatus.Cancelled);
        session.EnsureReportsArePossible();
    }

    private static async Task PlaceAsync(ConformanceSession session, ClientOrderId id)
    {
        session.Submit(id);
        await session.ExpectStatusAsync(id, OrderStatus.Accepted, $"Accepted for {id}").ConfigureAwait(false);
        await session.ExpectVenueHoldsAsync(id).ConfigureAwait(false);
    }

    private static async Task PlaceAndCancelAsync(ConformanceSession session, ClientOrderId id)
    {
        await PlaceAsync(session, id).ConfigureAwait(false);
        session.Cancel(id);
        await session.ExpectStatusAsync(id, OrderStatus.Cancelled, $"Cancelled for {id}").ConfigureAwait(false);
        if (session.Venue.IsOpen(id))
        {
            throw session.Fail($"the venue no longer to hold {id} once Cancelled was reported");
        }
    }

    private static Task VenueFillsAsync(ConformanceSession session, ClientOrderId id, Quantity quantity, Price price)
    {
        session.NoteVenue($"fill {id} {ConformanceSession.Describe(quantity, price)}");
        return session.Venue.FillAsync(id, quantity, price);
    }

    /// <summary>Fails unless the adapter's reports for <paramref name="id"/> are exactly <paramref name="statuses"/>, with no fills.</summary>
    private static void ExpectOnly(ConformanceSession session, ClientOrderId id, params OrderStatus[] statuses)
    {
        var reports = session.ReportsOf(id);
        if (!reports.Select(r => r.Status).SequenceEqual(statuses.Select(s => (OrderStatus?)s)))
        {
            throw session.Fail($"exactly {string.Join(" then ", statuses)} for {id}, each once, but the adapter reported {reports.Count} event(s) for it");
        }
    }

    /// <summary>Fails unless the adapter reported exactly the case's two venue fills of <paramref name="id"/>, in order.</summary>
    private static void ExpectTheVenuesFills(ConformanceSession session, ClientOrderId id)
    {
        var order = session.Order;
        var fills = session.FillsOf(id);
        (Quantity Quantity, Price Price)[] expected = [(order.FirstFill, order.FirstFillPrice), (order.SecondFill, order.SecondFillPrice)];
        var described = string.Join(" and ", expected.Select(f => ConformanceSession.Describe(f.Quantity, f.Price)));
        if (fills.Count != expected.Length)
        {
            throw session.Fail($"exactly {expected.Length} fills of {id} ({described}), each once, but the adapter reported {fills.Count}");
        }

        for (var i = 0; i < expected.Length; i++)
        {
            var fill = fills[i];
            if (fill.Quantity != expected[i].Quantity || fill.Price != expected[i].Price)
            {
                throw session.Fail($"the venue's fills of {id} ({described}), but fill {i + 1} is {ConformanceSession.Describe(fill.Quantity, fill.Price)}");
            }

            if (fill.OrderId != id || fill.Side != OrderSide.Buy || fill.Instrument != order.Instrument)
            {
                throw session.Fail($"fills of {id}, a Buy of {order.Instrument}, but fill {i + 1} is a {fill.Side} of {fill.Instrument?.Symbol ?? "no instrument"} for {fill.OrderId}");
            }
        }
    }
}
