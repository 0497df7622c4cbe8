using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>
/// Named counters in the sequence_counters table. Taking a number locks the counter's row until the transaction
/// ends, so numbers are gapless and committed in order even with several nodes writing (a MAX()+1 or an identity
/// column would let a later number commit before an earlier one, and a reader resuming after it would skip that one).
/// </summary>
internal static class SequenceCounter
{
    private const string NextSql = """
        INSERT INTO sequence_counters (name, last_value) VALUES (@name, 1)
        ON CONFLICT (name) DO UPDATE SET last_value = sequence_counters.last_value + 1
        RETURNING last_value
        """;

    private const string RaiseSql = """
        INSERT INTO sequence_counters (name, last_value) VALUES (@name, @value)
        ON CONFLICT (name) DO UPDATE SET last_value =
            CASE WHEN excluded.last_value > sequence_counters.last_value THEN excluded.last_value ELSE sequence_counters.last_value END
        """;

    private const string CurrentSql = "SELECT last_value FROM sequence_counters WHERE name = @name";

    public const string Audit = "audit";

    public static string BotEvents(string botId) => "bot-events/" + botId;

    public static Task<long> NextAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellation) =>
        connection.Command(NextSql, transaction).With("@name", name).ScalarInt64Async(cancellation);

    /// <summary>Moves the counter up to <paramref name="value"/> if it is below; never down.</summary>
    public static Task RaiseAsync(DbConnection connection, DbTransaction transaction, string name, long value, CancellationToken cancellation) =>
        connection.Command(RaiseSql, transaction).With("@name", name).With("@value", value).RunAsync(cancellation);

    public static Task<long> CurrentAsync(DbConnection connection, string name, CancellationToken cancellation) =>
        connection.Command(CurrentSql).With("@name", name).ScalarInt64Async(cancellation);
}
