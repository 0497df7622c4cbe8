using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

internal sealed class SqlBotEventLog(SqlDatabase database) : IBotEventLog
{
    private const string Columns = "bot_id, sequence, type, time_ms, payload_json";

    private const string InsertSql = $"""
        INSERT INTO bot_events ({Columns}) VALUES (@bot, @sequence, @type, @time, @payload)
        ON CONFLICT (bot_id, sequence) DO NOTHING
        """;

    private const string SelectSql = $"SELECT {Columns} FROM bot_events WHERE bot_id = @bot";

    public Task<StoredBotEvent> AppendAsync(string botId, string type, long timeMs, string payloadJson, CancellationToken cancellation = default)
    {
        Require.Text(botId, nameof(botId));
        Require.Text(type, nameof(type));
        Require.NotNull(payloadJson, nameof(payloadJson));
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var sequence = await SequenceCounter.NextAsync(connection, transaction, SequenceCounter.BotEvents(botId), cancellation).ConfigureAwait(false);
                var stored = new StoredBotEvent(botId, sequence, type, timeMs, payloadJson);
                return await InsertAsync(connection, transaction, stored, cancellation).ConfigureAwait(false)
                    ? stored
                    : throw new InvalidOperationException(
                        $"Event {sequence} of bot '{botId}' was stored by another writer: number a bot's events either here or in the event bus, not both.");
            },
            Violations.UnknownBot(botId),
            cancellation);
    }

    public Task<bool> StoreAsync(StoredBotEvent botEvent, CancellationToken cancellation = default)
    {
        Require.NotNull(botEvent, nameof(botEvent));
        Require.Text(botEvent.BotId, "StoredBotEvent.BotId");
        Require.Text(botEvent.Type, "StoredBotEvent.Type");
        Require.NotNull(botEvent.PayloadJson, "StoredBotEvent.PayloadJson");
        Require.PositiveSequence(botEvent.Sequence, "StoredBotEvent.Sequence");
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                if (await InsertAsync(connection, transaction, botEvent, cancellation).ConfigureAwait(false))
                {
                    await SequenceCounter.RaiseAsync(connection, transaction, SequenceCounter.BotEvents(botEvent.BotId), botEvent.Sequence, cancellation).ConfigureAwait(false);
                    return true;
                }

                var stored = await connection.Command(SelectSql + " AND sequence = @sequence", transaction)
                    .With("@bot", botEvent.BotId).With("@sequence", botEvent.Sequence).FirstOrDefaultAsync(Read, cancellation).ConfigureAwait(false);
                var differences = Replay.Differences(
                    ("Type", stored?.Type == botEvent.Type),
                    ("TimeMs", stored?.TimeMs == botEvent.TimeMs),
                    ("PayloadJson", stored?.PayloadJson == botEvent.PayloadJson));
                return differences.Count == 0
                    ? false
                    : throw DuplicateRecordException.Differs("bot event", $"Event {botEvent.Sequence} of bot '{botEvent.BotId}'", differences);
            },
            Violations.UnknownBot(botEvent.BotId),
            cancellation);
    }

    public Task<IReadOnlyList<StoredBotEvent>> ReadAfterAsync(string botId, long afterSequence, int limit = 1000, CancellationToken cancellation = default)
    {
        Require.Limit(limit, nameof(limit));
        return database.ReadAsync(
            connection => connection.Command(SelectSql + " AND sequence > @after ORDER BY sequence LIMIT @limit")
                .With("@bot", botId).With("@after", afterSequence).With("@limit", limit).ListAsync(Read, cancellation),
            cancellation);
    }

    public Task<long> LastSequenceAsync(string botId, CancellationToken cancellation = default) =>
        database.ReadAsync(connection => SequenceCounter.CurrentAsync(connection, SequenceCounter.BotEvents(botId), cancellation), cancellation);

    private static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, StoredBotEvent botEvent, CancellationToken cancellation) =>
        await connection.Command(InsertSql, transaction)
            .With("@bot", botEvent.BotId)
            .With("@sequence", botEvent.Sequence)
            .With("@type", botEvent.Type)
            .With("@time", botEvent.TimeMs)
            .With("@payload", botEvent.PayloadJson)
            .RunAsync(cancellation).ConfigureAwait(false) == 1;

    private static StoredBotEvent Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.GetInt64(3),
        reader.GetString(4));
}
