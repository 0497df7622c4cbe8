using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>
/// Commits a bot's checkpoint in one transaction. Every write is idempotent, because a bot restored after a crash
/// replays the steps after its last checkpoint and may hand over again what an interrupted step already committed.
/// </summary>
internal sealed class SqlCheckpointRepository(SqlDatabase database, SqlFillRepository fills) : ICheckpointRepository
{
    private const string Columns = "bot_id, id_base, progress_ms, steps, last_client_order_id, cash, equity, committed_ms";

    private const string InsertOrderSql = OrderRows.InsertOrderSql + " ON CONFLICT (bot_id, client_order_id) DO NOTHING";

    private const string InsertTransitionSql = OrderRows.InsertTransitionSql + " ON CONFLICT (bot_id, client_order_id, sequence) DO NOTHING";

    // Only ever forward: a transition replayed after a later one was stored leaves the row as it is.
    private const string AdvanceOrderSql = """
        UPDATE orders SET status = @status, filled_quantity = @filled, filled_notional = @notional,
            reason = COALESCE(@reason, reason), last_sequence = @sequence, updated_ms = @time
        WHERE bot_id = @bot AND client_order_id = @id AND last_sequence < @sequence
        """;

    private const string UpsertSql = $"""
        INSERT INTO bot_checkpoints ({Columns}) VALUES (@bot, @base, @progress, @steps, @last, @cash, @equity, @committed)
        ON CONFLICT (bot_id) DO UPDATE SET id_base = excluded.id_base, progress_ms = excluded.progress_ms, steps = excluded.steps,
            last_client_order_id = excluded.last_client_order_id, cash = excluded.cash, equity = excluded.equity,
            committed_ms = excluded.committed_ms
        """;

    private const string SelectSql = $"SELECT {Columns} FROM bot_checkpoints WHERE bot_id = @bot";

    private readonly SqlPositionRepository _positions = new(database);
    private readonly SqlEquityRepository _equity = new(database);
    private readonly SqlPluginStateRepository _pluginStates = new(database);

    public Task CommitAsync(BotCheckpoint checkpoint, CancellationToken cancellation = default)
    {
        Validate(checkpoint);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                foreach (var order in checkpoint.NewOrders)
                {
                    await database.Statement(connection, InsertOrderSql, transaction).BindOrder(database, order).RunAsync(cancellation).ConfigureAwait(false);
                }

                foreach (var transition in checkpoint.Transitions)
                {
                    await database.Statement(connection, InsertTransitionSql, transaction).BindTransition(database, transition).RunAsync(cancellation).ConfigureAwait(false);
                    // Transition 1 is the row's own starting point (every order row is written with last_sequence 1), so
                    // it can never move a row forward: skip the UPDATE that would match nothing.
                    if (transition.Sequence > 1)
                    {
                        await database.Statement(connection, AdvanceOrderSql, transaction).BindTransition(database, transition).RunAsync(cancellation).ConfigureAwait(false);
                    }
                }

                foreach (var fill in checkpoint.Fills)
                {
                    await fills.InsertAsync(connection, transaction, fill, cancellation).ConfigureAwait(false);
                }

                await WriteStateAsync(connection, transaction, checkpoint, cancellation).ConfigureAwait(false);
            },
            (violation, cause) => violation.IsForeignKey ? RecordNotFoundException.Bot(checkpoint.BotId, cause) : null,
            cancellation);
    }

    public Task<BotCheckpoint?> LatestAsync(string botId, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(SelectSql).With("@bot", botId).FirstOrDefaultAsync(Read, cancellation),
            cancellation);

    private async Task WriteStateAsync(DbConnection connection, DbTransaction transaction, BotCheckpoint checkpoint, CancellationToken cancellation)
    {
        foreach (var position in checkpoint.Positions)
        {
            await _positions.UpsertAsync(connection, transaction, position, cancellation).ConfigureAwait(false);
        }

        if (checkpoint.EquitySnapshot is { } snapshot)
        {
            await _equity.UpsertAsync(connection, transaction, snapshot, cancellation).ConfigureAwait(false);
        }

        foreach (var state in checkpoint.PluginStates)
        {
            await _pluginStates.UpsertAsync(connection, transaction, state, cancellation).ConfigureAwait(false);
        }

        await database.Statement(connection, UpsertSql, transaction)
            .With("@bot", checkpoint.BotId)
            .With("@base", checkpoint.IdBase)
            .With("@progress", checkpoint.ProgressMs)
            .With("@steps", checkpoint.Steps)
            .With("@last", checkpoint.LastClientOrderId)
            .With("@cash", database.Number(checkpoint.Cash))
            .With("@equity", database.Number(checkpoint.Equity))
            .With("@committed", checkpoint.CommittedMs)
            .RunAsync(cancellation).ConfigureAwait(false);
    }

    private static void Validate(BotCheckpoint checkpoint)
    {
        Require.NotNull(checkpoint, nameof(checkpoint));
        var bot = Require.Text(checkpoint.BotId, "BotCheckpoint.BotId");
        if (checkpoint.LastClientOrderId < checkpoint.IdBase || checkpoint.IdBase < 0)
        {
            throw new ArgumentException(
                $"BotCheckpoint.LastClientOrderId {checkpoint.LastClientOrderId} must be at least IdBase {checkpoint.IdBase}, which must not be negative.", nameof(checkpoint));
        }

        foreach (var order in checkpoint.NewOrders)
        {
            SqlOrderJournal.Validate(order);
            SameBot(bot, order.BotId, "NewOrders");
        }

        foreach (var transition in checkpoint.Transitions)
        {
            OrderTransitionWriter.Validate(transition);
            SameBot(bot, transition.BotId, "Transitions");
            Require.PositiveSequence(transition.Sequence, "OrderTransition.Sequence");
        }

        foreach (var fill in checkpoint.Fills)
        {
            SqlFillRepository.Validate(fill);
            SameBot(bot, fill.BotId, "Fills");
        }

        foreach (var position in checkpoint.Positions)
        {
            Require.Text(position.Symbol, "PositionRecord.Symbol");
            Require.NotNegative(position.AveragePrice, "PositionRecord.AveragePrice");
            SameBot(bot, position.BotId, "Positions");
        }

        if (checkpoint.EquitySnapshot is { } snapshot)
        {
            SameBot(bot, snapshot.BotId, "EquitySnapshot");
        }

        foreach (var state in checkpoint.PluginStates)
        {
            Require.Text(state.PluginId, "PluginStateSnapshot.PluginId");
            Require.NotNull(state.Payload, "PluginStateSnapshot.Payload");
            SameBot(bot, state.BotId, "PluginStates");
        }
    }

    private static void SameBot(string bot, string other, string field)
    {
        if (!string.Equals(bot, other, StringComparison.Ordinal))
        {
            throw new ArgumentException($"BotCheckpoint.{field} holds a record of bot '{other}' in a checkpoint of bot '{bot}'.", "checkpoint");
        }
    }

    private BotCheckpoint Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetInt64(2),
        reader.GetInt64(3),
        reader.GetInt64(4),
        database.ReadNumber(reader, 5),
        database.ReadNumber(reader, 6),
        reader.GetInt64(7));
}
