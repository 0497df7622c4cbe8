using System.Data.Common;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence.Sql;

internal sealed class SqlFillRepository(SqlDatabase database) : IFillRepository
{
    private const string Columns = "bot_id, client_order_id, fill_sequence, symbol, side, price, quantity, fee, fee_asset, liquidity, time_ms";

    private const string InsertSql = $"""
        INSERT INTO fills ({Columns})
        VALUES (@bot, @id, @sequence, @symbol, @side, @price, @quantity, @fee, @asset, @liquidity, @time)
        ON CONFLICT (bot_id, client_order_id, fill_sequence) DO NOTHING
        """;

    private const string SelectSql = $"SELECT {Columns} FROM fills WHERE bot_id = @bot";

    public static void Validate(FillRecord fill)
    {
        Require.NotNull(fill, nameof(fill));
        Require.Text(fill.BotId, "FillRecord.BotId");
        Require.Text(fill.Symbol, "FillRecord.Symbol");
        Require.Text(fill.FeeAsset, "FillRecord.FeeAsset");
        Require.Defined(fill.Side, "FillRecord.Side");
        Require.Defined(fill.Liquidity, "FillRecord.Liquidity");
        Require.PositiveSequence(fill.FillSequence, "FillRecord.FillSequence");
        Require.Positive(fill.Price, "FillRecord.Price");
        Require.Positive(fill.Quantity, "FillRecord.Quantity");
    }

    /// <summary>A fill can only break the foreign key to its order: name the order.</summary>
    public static Func<ConstraintViolation, DbException, Exception?> Translate(FillRecord fill) =>
        (violation, cause) => violation.IsForeignKey ? RecordNotFoundException.Order(fill.BotId, fill.ClientOrderId, cause) : null;

    public Task<bool> AddAsync(FillRecord fill, CancellationToken cancellation = default)
    {
        Validate(fill);
        return database.WriteAsync((connection, transaction) => InsertAsync(connection, transaction, fill, cancellation), Translate(fill), cancellation);
    }

    /// <summary>Inserts the fill in the caller's transaction; false when the very same fill is already stored.</summary>
    public async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, FillRecord fill, CancellationToken cancellation)
    {
        var inserted = await database.Statement(connection, InsertSql, transaction)
            .With("@bot", fill.BotId)
            .With("@id", fill.ClientOrderId)
            .With("@sequence", fill.FillSequence)
            .With("@symbol", fill.Symbol)
            .With("@side", fill.Side.ToString())
            .With("@price", database.Number(fill.Price))
            .With("@quantity", database.Number(fill.Quantity))
            .With("@fee", database.Number(fill.Fee))
            .With("@asset", fill.FeeAsset)
            .With("@liquidity", fill.Liquidity.ToString())
            .With("@time", fill.TimeMs)
            .RunAsync(cancellation).ConfigureAwait(false);
        if (inserted == 1)
        {
            return true;
        }

        var stored = await connection.Command(SelectSql + " AND client_order_id = @id AND fill_sequence = @sequence", transaction)
            .With("@bot", fill.BotId).With("@id", fill.ClientOrderId).With("@sequence", fill.FillSequence)
            .FirstOrDefaultAsync(Read, cancellation).ConfigureAwait(false);
        var differences = Replay.Differences(
            ("Symbol", stored?.Symbol == fill.Symbol),
            ("Side", stored?.Side == fill.Side),
            ("Price", stored?.Price == fill.Price),
            ("Quantity", stored?.Quantity == fill.Quantity),
            ("Fee", stored?.Fee == fill.Fee),
            ("FeeAsset", stored?.FeeAsset == fill.FeeAsset),
            ("Liquidity", stored?.Liquidity == fill.Liquidity),
            ("TimeMs", stored?.TimeMs == fill.TimeMs));
        return differences.Count == 0
            ? false
            : throw DuplicateRecordException.Differs("fill", $"Fill {fill.FillSequence} of order co-{fill.ClientOrderId} of bot '{fill.BotId}'", differences);
    }

    public Task<IReadOnlyList<FillRecord>> ForOrderAsync(string botId, long clientOrderId, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(SelectSql + " AND client_order_id = @id ORDER BY fill_sequence")
                .With("@bot", botId).With("@id", clientOrderId).ListAsync(Read, cancellation),
            cancellation);

    public Task<IReadOnlyList<FillRecord>> ListAsync(string botId, long fromMs = 0, long toMs = long.MaxValue, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(SelectSql + " AND time_ms >= @from AND time_ms < @to ORDER BY time_ms, client_order_id, fill_sequence")
                .With("@bot", botId).With("@from", fromMs).With("@to", toMs).ListAsync(Read, cancellation),
            cancellation);

    private FillRecord Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetInt32(2),
        reader.GetString(3),
        Column.Enum<OrderSide>(reader, 4),
        database.ReadNumber(reader, 5),
        database.ReadNumber(reader, 6),
        database.ReadNumber(reader, 7),
        reader.GetString(8),
        Column.Enum<Liquidity>(reader, 9),
        reader.GetInt64(10));
}
