using System.Text.Json;
using System.Text.Json.Serialization;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// The JSON of each bot event type, camelCase with enums as names; prices, quantities and money are exact
/// decimals. Written by the publisher, off the bot's thread.
/// </summary>
internal static class BotEventPayloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new PlainDecimalConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // The order manager's and the exchange's own reasons; any other reason for a rejection is a risk rule's.
    private static readonly HashSet<string> OrderReasons =
    [
        .. typeof(OrderRejectReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!),
    ];

    /// <summary>The bus events one pending event becomes: a rejection by a risk rule is also a risk alert.</summary>
    public static IEnumerable<(string Type, string PayloadJson)> Describe(PendingBotEvent pending)
    {
        switch (pending.Kind)
        {
            case PendingBotEventKind.Order:
                yield return (BotEventTypes.Order, Serialize(OrderPayload.Of(pending.Owner!, pending.Order)));
                if (pending.Order.Status == OrderStatus.Rejected && pending.Order.Reason is { } reason && !OrderReasons.Contains(reason))
                {
                    yield return (BotEventTypes.RiskAlert, Serialize(RiskAlertPayload.Of(pending.Owner!, pending.Order, reason)));
                }

                break;
            case PendingBotEventKind.Fill:
                yield return (BotEventTypes.Fill, Serialize(FillPayload.Of(pending.Owner!, pending.Fill)));
                break;
            case PendingBotEventKind.Position:
                yield return (BotEventTypes.Position, Serialize(PositionPayload.Of(pending.Position)));
                break;
            case PendingBotEventKind.Equity:
                yield return (BotEventTypes.Equity, Serialize(new EquityPayload(pending.Equity, pending.Cash)));
                break;
            case PendingBotEventKind.Prepared:
                yield return (pending.PreparedType!, pending.PreparedJson!);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(pending), pending.Kind, "Unknown bot event kind.");
        }
    }

    /// <summary>A change of the bot's status.</summary>
    public static PendingBotEvent BotState(long timeMs, BotStatus status, string? reason) =>
        Prepared(BotEventTypes.BotState, timeMs, new BotStatePayload(status, reason));

    /// <summary>A change of a plugin's status as it concerns the bot.</summary>
    public static PendingBotEvent PluginStatus(long timeMs, string pluginId, string status, string reason) =>
        Prepared(BotEventTypes.PluginStatus, timeMs, new PluginStatusPayload(pluginId, status, reason));

    private static PendingBotEvent Prepared<T>(string type, long timeMs, T payload) =>
        new(PendingBotEventKind.Prepared, timeMs, PreparedType: type, PreparedJson: Serialize(payload));

    private static string Serialize<T>(T payload) => JsonSerializer.Serialize(payload, Json);

    private static decimal? PriceOrNull(Price price) => price.IsZero ? null : price.ToDecimal();

    private sealed record OrderPayload(
        string Owner, long ClientOrderId, string Symbol, OrderSide Side, OrderType Type, decimal Quantity, decimal? LimitPrice,
        decimal? StopPrice, TimeInForce TimeInForce, bool ReduceOnly, OrderStatus Status, decimal FilledQuantity,
        decimal FilledNotional, decimal AveragePrice, string? Reason)
    {
        public static OrderPayload Of(string owner, in OrderSnapshot order) => new(
            owner, order.Id.Value, order.Request.Instrument.Symbol, order.Request.Side, order.Request.Type, order.Request.Quantity.ToDecimal(),
            PriceOrNull(order.Request.LimitPrice), PriceOrNull(order.Request.StopPrice), order.Request.TimeInForce, order.Request.ReduceOnly,
            order.Status, order.FilledQuantity.ToDecimal(), order.FilledNotional, order.AverageFillPrice, order.Reason);
    }

    private sealed record FillPayload(
        string Owner, long ClientOrderId, string Symbol, OrderSide Side, decimal Price, decimal Quantity, decimal Fee, string FeeAsset, Liquidity Liquidity)
    {
        public static FillPayload Of(string owner, in Fill fill) => new(
            owner, fill.OrderId.Value, fill.Instrument.Symbol, fill.Side, fill.Price.ToDecimal(), fill.Quantity.ToDecimal(), fill.Fee, fill.FeeAsset, fill.Liquidity);
    }

    private sealed record PositionPayload(string Symbol, decimal Quantity, decimal AveragePrice, decimal CostBasis, decimal RealizedPnl)
    {
        public static PositionPayload Of(in Position position) => new(
            position.Instrument.Symbol, position.Quantity.ToDecimal(), position.AverageEntryPrice, position.CostBasis, position.RealizedPnl);
    }

    private sealed record RiskAlertPayload(string Owner, long ClientOrderId, string Symbol, OrderSide Side, decimal Quantity, string Reason)
    {
        public static RiskAlertPayload Of(string owner, in OrderSnapshot order, string reason) => new(
            owner, order.Id.Value, order.Request.Instrument.Symbol, order.Request.Side, order.Request.Quantity.ToDecimal(), reason);
    }

    private sealed record EquityPayload(decimal Equity, decimal Cash);

    /// <summary>Writes a decimal exactly, without the trailing zeros of its scale (43210.50000000 is 43210.5).</summary>
    private sealed class PlainDecimalConverter : JsonConverter<decimal>
    {
        // Dividing by one with more decimal places than any value has yields the smallest scale that holds it.
        private const decimal OneWithTrailingZeros = 1.000000000000000000000000000000000m;

        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / OneWithTrailingZeros);
    }

    private sealed record BotStatePayload(BotStatus Status, string? Reason);

    private sealed record PluginStatusPayload(string PluginId, string Status, string Reason);
}
