using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence.Sql;

internal sealed class SqlOrderJournal(SqlDatabase database, SqlFillRepository fills) : IOrderJournal
{
    private const string SelectSql = $"SELECT {OrderRows.OrderColumns} FROM orders WHERE bot_id = @bot";

    // Spelled exactly as the orders_open index's predicate, so the index serves it.
    private const string OpenSql = SelectSql + " AND status IN ('New', 'Accepted', 'PartiallyFilled') ORDER BY client_order_id";

    private const string TransitionsSql = $"SELECT {OrderRows.TransitionColumns} FROM order_transitions WHERE bot_id = @bot AND client_order_id = @id ORDER BY sequence";

    private const string LastIdSql = "SELECT MAX(client_order_id) FROM orders WHERE bot_id = @bot";

    private readonly OrderTransitionWriter _transitions = new(database);

    public Task JournalAsync(OrderRecord order, CancellationToken cancellation = default)
    {
        Validate(order);
        var first = new OrderTransition(order.BotId, order.ClientOrderId, 1, OrderStatus.New, 0m, 0m, order.Reason, order.CreatedMs);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.Command(OrderRows.InsertOrderSql, transaction).BindOrder(database, order).RunAsync(cancellation).ConfigureAwait(false);
                await connection.Command(OrderRows.InsertTransitionSql, transaction).BindTransition(database, first).RunAsync(cancellation).ConfigureAwait(false);
            },
            (violation, cause) => violation switch
            {
                { IsForeignKey: true } => RecordNotFoundException.Bot(order.BotId, cause),
                { IsUnique: true } => new DuplicateRecordException(
                    "order", "ClientOrderId", $"Bot '{order.BotId}' already journaled order co-{order.ClientOrderId}.", cause),
                _ => null,
            },
            cancellation);
    }

    public Task<OrderTransition> RecordTransitionAsync(OrderTransition transition, CancellationToken cancellation = default)
    {
        OrderTransitionWriter.Validate(transition);
        return database.WriteAsync(
            (connection, transaction) => _transitions.ApplyAsync(connection, transaction, transition, cancellation),
            null,
            cancellation);
    }

    public Task<bool> RecordFillAsync(FillRecord fill, OrderTransition transition, CancellationToken cancellation = default)
    {
        SqlFillRepository.Validate(fill);
        OrderTransitionWriter.Validate(transition);
        if (fill.BotId != transition.BotId || fill.ClientOrderId != transition.ClientOrderId)
        {
            throw new ArgumentException(
                $"The fill is for order co-{fill.ClientOrderId} of bot '{fill.BotId}' but the transition for order co-{transition.ClientOrderId} of bot '{transition.BotId}'.",
                nameof(transition));
        }

        return database.WriteAsync(
            async (connection, transaction) =>
            {
                if (!await fills.InsertAsync(connection, transaction, fill, cancellation).ConfigureAwait(false))
                {
                    return false;
                }

                await _transitions.ApplyAsync(connection, transaction, transition, cancellation).ConfigureAwait(false);
                return true;
            },
            SqlFillRepository.Translate(fill),
            cancellation);
    }

    public Task<IReadOnlyList<OrderRecord>> OpenOrdersAsync(string botId, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(OpenSql).With("@bot", botId).ListAsync(reader => OrderRows.ReadOrder(database, reader), cancellation),
            cancellation);

    public Task<OrderRecord?> GetAsync(string botId, long clientOrderId, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(SelectSql + " AND client_order_id = @id").With("@bot", botId).With("@id", clientOrderId)
                .FirstOrDefaultAsync(reader => OrderRows.ReadOrder(database, reader), cancellation),
            cancellation);

    public Task<IReadOnlyList<OrderRecord>> ListAsync(string botId, long afterClientOrderId = 0, int limit = 1000, CancellationToken cancellation = default)
    {
        Require.Limit(limit, nameof(limit));
        return database.ReadAsync(
            connection => connection.Command(SelectSql + " AND client_order_id > @after ORDER BY client_order_id LIMIT @limit")
                .With("@bot", botId).With("@after", afterClientOrderId).With("@limit", limit)
                .ListAsync(reader => OrderRows.ReadOrder(database, reader), cancellation),
            cancellation);
    }

    public Task<IReadOnlyList<OrderTransition>> TransitionsAsync(string botId, long clientOrderId, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(TransitionsSql).With("@bot", botId).With("@id", clientOrderId)
                .ListAsync(reader => OrderRows.ReadTransition(database, reader), cancellation),
            cancellation);

    public Task<long> LastClientOrderIdAsync(string botId, CancellationToken cancellation = default) =>
        database.ReadAsync(connection => connection.Command(LastIdSql).With("@bot", botId).ScalarInt64Async(cancellation), cancellation);

    internal static void Validate(OrderRecord order)
    {
        Require.NotNull(order, nameof(order));
        Require.Text(order.BotId, "OrderRecord.BotId");
        Require.Text(order.OwnerId, "OrderRecord.OwnerId");
        Require.Text(order.Symbol, "OrderRecord.Symbol");
        Require.Defined(order.Side, "OrderRecord.Side");
        Require.Defined(order.Type, "OrderRecord.Type");
        Require.Defined(order.TimeInForce, "OrderRecord.TimeInForce");
        Require.Positive(order.Quantity, "OrderRecord.Quantity");
        if (order.LimitPrice is { } limit)
        {
            Require.Positive(limit, "OrderRecord.LimitPrice");
        }

        if (order.StopPrice is { } stop)
        {
            Require.Positive(stop, "OrderRecord.StopPrice");
        }

        if (order.Status != OrderStatus.New)
        {
            throw new ArgumentException($"OrderRecord.Status is {order.Status}; an order is journaled as New, before it is sent.", nameof(order));
        }

        if (order.FilledQuantity != 0 || order.FilledNotional != 0)
        {
            throw new ArgumentException("OrderRecord.FilledQuantity and FilledNotional must be 0 for an order not yet sent.", nameof(order));
        }
    }
}
