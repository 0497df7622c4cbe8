using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

internal sealed class SqlEquityRepository(SqlDatabase database) : IEquityRepository
{
    private const string Columns = "bot_id, time_ms, cash, equity";

    private const string UpsertSql = $"""
        INSERT INTO equity_snapshots ({Columns}) VALUES (@bot, @time, @cash, @equity)
        ON CONFLICT (bot_id, time_ms) DO UPDATE SET cash = excluded.cash, equity = excluded.equity
        """;

    private const string SelectSql = $"SELECT {Columns} FROM equity_snapshots WHERE bot_id = @bot";

    public Task AddAsync(EquitySnapshot snapshot, CancellationToken cancellation = default)
    {
        Require.NotNull(snapshot, nameof(snapshot));
        Require.Text(snapshot.BotId, "EquitySnapshot.BotId");
        return database.WriteAsync(
            (connection, transaction) => UpsertAsync(connection, transaction, snapshot, cancellation),
            Violations.UnknownBot(snapshot.BotId),
            cancellation);
    }

    /// <summary>Upserts the snapshot in the caller's transaction.</summary>
    public Task<int> UpsertAsync(DbConnection connection, DbTransaction transaction, EquitySnapshot snapshot, CancellationToken cancellation) =>
        database.Statement(connection, UpsertSql, transaction)
            .With("@bot", snapshot.BotId)
            .With("@time", snapshot.TimeMs)
            .With("@cash", database.Number(snapshot.Cash))
            .With("@equity", database.Number(snapshot.Equity))
            .RunAsync(cancellation);

    public Task<IReadOnlyList<EquitySnapshot>> RangeAsync(string botId, long fromMs, long toMs, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(SelectSql + " AND time_ms >= @from AND time_ms < @to ORDER BY time_ms")
                .With("@bot", botId).With("@from", fromMs).With("@to", toMs).ListAsync(Read, cancellation),
            cancellation);

    public Task<EquitySnapshot?> LatestAsync(string botId, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(SelectSql + " ORDER BY time_ms DESC LIMIT 1").With("@bot", botId).FirstOrDefaultAsync(Read, cancellation),
            cancellation);

    private EquitySnapshot Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        database.ReadNumber(reader, 2),
        database.ReadNumber(reader, 3));
}
