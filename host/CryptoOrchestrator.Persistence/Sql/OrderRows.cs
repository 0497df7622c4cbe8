using System.Data.Common;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>How orders and their transitions map to rows of the orders and order_transitions tables.</summary>
internal static class OrderRows
{
    public const string OrderColumns =
        "bot_id, client_order_id, owner_id, symbol, side, type, quantity, limit_price, stop_price, time_in_force, " +
        "reduce_only, status, filled_quantity, filled_notional, reason, created_ms, updated_ms";

    public const string TransitionColumns = "bot_id, client_order_id, sequence, status, filled_quantity, filled_notional, reason, time_ms";

    public const string InsertOrderSql = $"""
        INSERT INTO orders ({OrderColumns}, last_sequence)
        VALUES (@bot, @id, @owner, @symbol, @side, @type, @quantity, @limit, @stop, @tif,
                @reduce, @status, @filled, @notional, @reason, @created, @updated, 1)
        """;

    public const string InsertTransitionSql = $"""
        INSERT INTO order_transitions ({TransitionColumns})
        VALUES (@bot, @id, @sequence, @status, @filled, @notional, @reason, @time)
        """;

    public static DbCommand BindOrder(this DbCommand command, SqlDatabase database, OrderRecord order) => command
        .With("@bot", order.BotId)
        .With("@id", order.ClientOrderId)
        .With("@owner", order.OwnerId)
        .With("@symbol", order.Symbol)
        .With("@side", order.Side.ToString())
        .With("@type", order.Type.ToString())
        .With("@quantity", database.Number(order.Quantity))
        .With("@limit", database.Number(order.LimitPrice))
        .With("@stop", database.Number(order.StopPrice))
        .With("@tif", order.TimeInForce.ToString())
        .With("@reduce", order.ReduceOnly)
        .With("@status", order.Status.ToString())
        .With("@filled", database.Number(order.FilledQuantity))
        .With("@notional", database.Number(order.FilledNotional))
        .With("@reason", order.Reason)
        .With("@created", order.CreatedMs)
        .With("@updated", order.UpdatedMs);

    public static DbCommand BindTransition(this DbCommand command, SqlDatabase database, OrderTransition transition) => command
        .With("@bot", transition.BotId)
        .With("@id", transition.ClientOrderId)
        .With("@sequence", transition.Sequence)
        .With("@status", transition.Status.ToString())
        .With("@filled", database.Number(transition.FilledQuantity))
        .With("@notional", database.Number(transition.FilledNotional))
        .With("@reason", transition.Reason)
        .With("@time", transition.TimeMs);

    public static OrderRecord ReadOrder(SqlDatabase database, DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.GetString(3),
        Column.Enum<OrderSide>(reader, 4),
        Column.Enum<OrderType>(reader, 5),
        database.ReadNumber(reader, 6),
        database.ReadNullableNumber(reader, 7),
        database.ReadNullableNumber(reader, 8),
        Column.Enum<TimeInForce>(reader, 9),
        reader.GetBoolean(10),
        Column.Enum<OrderStatus>(reader, 11),
        database.ReadNumber(reader, 12),
        database.ReadNumber(reader, 13),
        Column.NullableString(reader, 14),
        reader.GetInt64(15),
        reader.GetInt64(16));

    public static OrderTransition ReadTransition(SqlDatabase database, DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetInt64(2),
        Column.Enum<OrderStatus>(reader, 3),
        database.ReadNumber(reader, 4),
        database.ReadNumber(reader, 5),
        Column.NullableString(reader, 6),
        reader.GetInt64(7));
}
