using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Durability;

/// <summary>The engine's orders, fills and positions as the store's records.</summary>
internal static class JournalRecords
{
    public static OrderRecord Order(string botId, string ownerId, in OrderSnapshot order)
    {
        var request = order.Request;
        return new OrderRecord(
            botId,
            order.Id.Value,
            ownerId,
            request.Instrument.Symbol,
            request.Side,
            request.Type,
            request.Quantity.ToDecimal(),
            request.LimitPrice.Units > 0 ? request.LimitPrice.ToDecimal() : null,
            request.StopPrice.Units > 0 ? request.StopPrice.ToDecimal() : null,
            request.TimeInForce,
            request.ReduceOnly,
            OrderStatus.New,
            0m,
            0m,
            null,
            order.Time,
            order.Time);
    }

    public static OrderTransition Transition(string botId, in OrderSnapshot order, long sequence) =>
        new(botId, order.Id.Value, sequence, order.Status, order.FilledQuantity.ToDecimal(), order.FilledNotional, order.Reason, order.Time);

    public static FillRecord Fill(string botId, in Fill fill, int sequence) =>
        new(botId, fill.OrderId.Value, sequence, fill.Instrument.Symbol, fill.Side, fill.Price.ToDecimal(), fill.Quantity.ToDecimal(),
            fill.Fee, fill.FeeAsset, fill.Liquidity, fill.Time);

    public static PositionRecord Position(string botId, in Position position, long timeMs) =>
        new(botId, position.Instrument.Symbol, position.Quantity.ToDecimal(), position.AverageEntryPrice, position.RealizedPnl, timeMs);
}
