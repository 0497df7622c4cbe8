using System.Globalization;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>One call an adapter made on its <c>IExchangeEvents</c>: a status change, or a fill.</summary>
internal sealed record ReportedEvent(ClientOrderId OrderId, OrderStatus? Status, string? Reason, Fill? Fill)
{
    public static ReportedEvent StatusOf(ClientOrderId id, OrderStatus status, string? reason) => new(id, status, reason, null);

    public static ReportedEvent FillOf(in Fill fill) => new(fill.OrderId, null, null, fill);

    public bool IsStatus(ClientOrderId id, OrderStatus status) => OrderId == id && Status == status;

    public bool IsFillOf(ClientOrderId id) => OrderId == id && Fill is not null;

    public override string ToString() => Fill is { } fill
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"adapter: fill {fill.OrderId} {fill.Side} {fill.Quantity} {fill.Instrument?.Symbol ?? "(no instrument)"} @ {fill.Price}, fee {fill.Fee} {fill.FeeAsset}, {fill.Liquidity}")
        : $"adapter: {OrderId} {Status}{Reason switch
        {
            null when Status == OrderStatus.Rejected => " (no reason)",
            null => "",
            _ => $" \"{Reason}\"",
        }}";
}
