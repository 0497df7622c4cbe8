using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

internal sealed class SqlPositionRepository(SqlDatabase database) : IPositionRepository
{
    private const string Columns = "bot_id, symbol, quantity, average_price, realized_pnl, updated_ms";

    private const string UpsertSql = $"""
        INSERT INTO positions ({Columns}) VALUES (@bot, @symbol, @quantity, @average, @realized, @updated)
        ON CONFLICT (bot_id, symbol) DO UPDATE SET quantity = excluded.quantity, average_price = excluded.average_price,
            realized_pnl = excluded.realized_pnl, updated_ms = excluded.updated_ms
        """;

    private const string SelectSql = $"SELECT {Columns} FROM positions WHERE bot_id = @bot";

    public Task UpsertAsync(PositionRecord position, CancellationToken cancellation = default)
    {
        Require.NotNull(position, nameof(position));
        Require.Text(position.BotId, "PositionRecord.BotId");
        Require.Text(position.Symbol, "PositionRecord.Symbol");
        Require.NotNegative(position.AveragePrice, "PositionRecord.AveragePrice");
        return database.WriteAsync(
            (connection, transaction) => UpsertAsync(connection, transaction, position, cancellation),
            Violations.UnknownBot(position.BotId),
            cancellation);
    }

    /// <summary>Upserts the position in the caller's transaction.</summary>
    public Task<int> UpsertAsync(DbConnection connection, DbTransaction transaction, PositionRecord position, CancellationToken cancellation) =>
        database.Statement(connection, UpsertSql, transaction)
            .With("@bot", position.BotId)
            .With("@symbol", position.Symbol)
            .With("@quantity", database.Number(position.Quantity))
            .With("@average", database.Number(position.AveragePrice))
            .With("@realized", database.Number(position.RealizedPnl))
            .With("@updated", position.UpdatedMs)
            .RunAsync(cancellation);

    public Task<PositionRecord?> GetAsync(string botId, string symbol, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(SelectSql + " AND symbol = @symbol").With("@bot", botId).With("@symbol", symbol).FirstOrDefaultAsync(Read, cancellation),
            cancellation);

    public Task<IReadOnlyList<PositionRecord>> ListAsync(string botId, CancellationToken cancellation = default) =>
        database.ReadAsync(connection => connection.Command(SelectSql + " ORDER BY symbol").With("@bot", botId).ListAsync(Read, cancellation), cancellation);

    private PositionRecord Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        database.ReadNumber(reader, 2),
        database.ReadNumber(reader, 3),
        database.ReadNumber(reader, 4),
        reader.GetInt64(5));
}
