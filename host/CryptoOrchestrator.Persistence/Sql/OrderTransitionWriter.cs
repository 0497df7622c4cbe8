using System.Data.Common;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>
/// Applies one transition inside the caller's transaction: locks the order's row, checks the move against the
/// SDK's state machine and the fill arithmetic, then appends the transition and updates the row. Any refusal
/// throws before anything is written, and the caller's rollback undoes whatever came before it.
/// </summary>
internal sealed class OrderTransitionWriter(SqlDatabase database)
{
    private readonly string _lockSql =
        "SELECT status, quantity, filled_quantity, last_sequence FROM orders WHERE bot_id = @bot AND client_order_id = @id" + database.ForUpdate;

    private const string StoredSql = $"SELECT {OrderRows.TransitionColumns} FROM order_transitions WHERE bot_id = @bot AND client_order_id = @id AND sequence = @sequence";

    private const string UpdateSql = """
        UPDATE orders SET status = @status, filled_quantity = @filled, filled_notional = @notional,
            reason = COALESCE(@reason, reason), last_sequence = @sequence, updated_ms = @time
        WHERE bot_id = @bot AND client_order_id = @id
        """;

    public static void Validate(OrderTransition transition)
    {
        Require.NotNull(transition, nameof(transition));
        Require.Text(transition.BotId, "OrderTransition.BotId");
        Require.Defined(transition.Status, "OrderTransition.Status");
        Require.NotNegative(transition.FilledQuantity, "OrderTransition.FilledQuantity");
        Require.NotNegative(transition.FilledNotional, "OrderTransition.FilledNotional");
        if (transition.Sequence < 0)
        {
            throw new ArgumentException($"OrderTransition.Sequence is {transition.Sequence}; use 0 to let the journal number it.", nameof(transition));
        }
    }

    public async Task<OrderTransition> ApplyAsync(DbConnection connection, DbTransaction transaction, OrderTransition transition, CancellationToken cancellation)
    {
        var (botId, orderId) = (transition.BotId, transition.ClientOrderId);
        var current = await connection.Command(_lockSql, transaction).With("@bot", botId).With("@id", orderId)
            .FirstOrDefaultAsync(reader => new Current(Column.Enum<OrderStatus>(reader, 0), database.ReadNumber(reader, 1), database.ReadNumber(reader, 2), reader.GetInt64(3)), cancellation)
            .ConfigureAwait(false)
            ?? throw RecordNotFoundException.Order(botId, orderId);

        var next = current.LastSequence + 1;
        if (transition.Sequence != 0 && transition.Sequence <= current.LastSequence)
        {
            return await ReplayedAsync(connection, transaction, transition, cancellation).ConfigureAwait(false);
        }

        if (transition.Sequence > next)
        {
            throw Refused(transition, current, $"Sequence is {transition.Sequence} but the next is {next}; a transition is missing.");
        }

        Check(transition, current);
        var stored = transition with { Sequence = next };
        await connection.Command(OrderRows.InsertTransitionSql, transaction).BindTransition(database, stored).RunAsync(cancellation).ConfigureAwait(false);
        await connection.Command(UpdateSql, transaction).BindTransition(database, stored).RunAsync(cancellation).ConfigureAwait(false);
        return stored;
    }

    private static void Check(OrderTransition transition, Current current)
    {
        if (!OrderStateMachine.CanTransition(current.Status, transition.Status))
        {
            var inner = new InvalidOrderTransitionException(new ClientOrderId(transition.ClientOrderId), current.Status, transition.Status);
            throw Refused(transition, current, $"Status cannot move from {current.Status} to {transition.Status}.", inner);
        }

        if (transition.FilledQuantity < current.FilledQuantity)
        {
            throw Refused(transition, current, $"FilledQuantity {transition.FilledQuantity} is below the {current.FilledQuantity} already filled.");
        }

        if (transition.FilledQuantity > current.Quantity)
        {
            throw Refused(transition, current, $"FilledQuantity {transition.FilledQuantity} exceeds the order's Quantity {current.Quantity}.");
        }
    }

    private async Task<OrderTransition> ReplayedAsync(DbConnection connection, DbTransaction transaction, OrderTransition transition, CancellationToken cancellation)
    {
        var stored = await connection.Command(StoredSql, transaction)
            .With("@bot", transition.BotId).With("@id", transition.ClientOrderId).With("@sequence", transition.Sequence)
            .FirstOrDefaultAsync(reader => OrderRows.ReadTransition(database, reader), cancellation)
            .ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Bot '{transition.BotId}', order co-{transition.ClientOrderId}: transition {transition.Sequence} is missing from its history.");

        var differences = Replay.Differences(
            ("Status", stored.Status == transition.Status),
            ("FilledQuantity", stored.FilledQuantity == transition.FilledQuantity),
            ("FilledNotional", stored.FilledNotional == transition.FilledNotional),
            ("Reason", stored.Reason == transition.Reason),
            ("TimeMs", stored.TimeMs == transition.TimeMs));
        return differences.Count == 0
            ? stored
            : throw DuplicateRecordException.Differs(
                "order transition", $"Transition {transition.Sequence} of order co-{transition.ClientOrderId} of bot '{transition.BotId}'", differences);
    }

    private static OrderTransitionRefusedException Refused(OrderTransition transition, Current current, string reason, Exception? inner = null) =>
        new(transition.BotId, transition.ClientOrderId, current.Status, transition.Status, reason, inner);

    private sealed record Current(OrderStatus Status, decimal Quantity, decimal FilledQuantity, long LastSequence);
}
