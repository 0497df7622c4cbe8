using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using CryptoOrchestrator.Sdk.Testing.Tests.Loopback;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Conformance;

/// <summary>
/// The loopback adapter with one mistake made on purpose, in what it sends or in what it reports: the mistakes
/// adapter authors make when mapping a venue's API. Each must fail the conformance case that looks for it.
/// </summary>
internal sealed class FlawedAdapter : IExchange, IAsyncDisposable
{
    private readonly LoopbackExchangeAdapter _inner = new();
    private readonly Func<OrderSnapshot, OrderSnapshot> _alterSubmit;
    private readonly Func<IExchangeEvents, IExchangeEvents> _alterEvents;

    private FlawedAdapter(Func<OrderSnapshot, OrderSnapshot>? alterSubmit = null, Func<IExchangeEvents, IExchangeEvents>? alterEvents = null)
    {
        _alterSubmit = alterSubmit ?? (order => order);
        _alterEvents = alterEvents ?? (events => events);
    }

    public PluginMetadata Metadata => _inner.Metadata;

    /// <summary>Sends limit prices cut to whole units, as an adapter formatting prices with the wrong precision would.</summary>
    public static FlawedAdapter TruncatingPrices() => new(alterSubmit: order => order with
    {
        Request = order.Request with { LimitPrice = Price.FromDecimal(decimal.Truncate(order.Request.LimitPrice.ToDecimal())) },
    });

    /// <summary>Never reports Cancelled: it takes the cancel request for the outcome and reports nothing.</summary>
    public static FlawedAdapter SilentOnCancel() =>
        new(alterEvents: events => new RewritingEvents(events, status: s => s.Status == OrderStatus.Cancelled ? null : s));

    /// <summary>Reports each fill with the order's cumulative filled quantity instead of the fill's own.</summary>
    public static FlawedAdapter CumulativeFillQuantities()
    {
        var filled = new Dictionary<ClientOrderId, Quantity>();
        return new(alterEvents: events => new RewritingEvents(events, fill: f =>
        {
            filled[f.OrderId] = filled.GetValueOrDefault(f.OrderId) + f.Quantity;
            return f with { Quantity = filled[f.OrderId] };
        }));
    }

    /// <summary>Reports the order's fill status as a status too, as an adapter passing the venue's FILLED through would.</summary>
    public static FlawedAdapter ReportingFillStatuses() =>
        new(alterEvents: events => new RewritingEvents(events, afterFill: (inner, f) => inner.OnOrderStatus(f.OrderId, OrderStatus.PartiallyFilled, null)));

    /// <summary>Throws from Submit, as an adapter that is not ready until its connection is would.</summary>
    public static FlawedAdapter ThrowingOnSubmit() => new(alterSubmit: _ => throw new InvalidOperationException("not connected yet"));

    /// <summary>Reports Rejected without the venue's reason.</summary>
    public static FlawedAdapter SwallowingRejectReasons() =>
        new(alterEvents: events => new RewritingEvents(events, status: s => s.Status == OrderStatus.Rejected ? s with { Reason = null } : s));

    public void Connect(IPluginContext context, IExchangeEvents events) => _inner.Connect(context, _alterEvents(events));

    public void Submit(in OrderSnapshot order) => _inner.Submit(_alterSubmit(order));

    public void Cancel(ClientOrderId id) => _inner.Cancel(id);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    /// <summary>Passes reports on after rewriting them; a status rewritten to null is dropped, and a fill may be followed by more.</summary>
    private sealed class RewritingEvents(
        IExchangeEvents inner,
        Func<(ClientOrderId Id, OrderStatus Status, string? Reason), (ClientOrderId Id, OrderStatus Status, string? Reason)?>? status = null,
        Func<Fill, Fill>? fill = null,
        Action<IExchangeEvents, Fill>? afterFill = null) : IExchangeEvents
    {
        public void OnOrderStatus(ClientOrderId id, OrderStatus orderStatus, string? reason)
        {
            if ((status is null ? (id, orderStatus, reason) : status((id, orderStatus, reason))) is { } passed)
            {
                inner.OnOrderStatus(passed.Id, passed.Status, passed.Reason);
            }
        }

        public void OnFill(in Fill reported)
        {
            inner.OnFill(fill is null ? reported : fill(reported));
            afterFill?.Invoke(inner, reported);
        }
    }
}
