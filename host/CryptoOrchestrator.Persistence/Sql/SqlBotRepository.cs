using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

internal sealed class SqlBotRepository(SqlDatabase database) : IBotRepository
{
    private const string Columns = "id, name, configuration_json, status, created_ms, updated_ms";
    private const string InsertSql = $"INSERT INTO bots ({Columns}) VALUES (@id, @name, @configuration, @status, @created, @updated)";
    private const string SelectSql = $"SELECT {Columns} FROM bots";
    private const string UpdateSql = "UPDATE bots SET name = @name, configuration_json = @configuration, status = @status, updated_ms = @updated WHERE id = @id";
    private const string StatusSql = "UPDATE bots SET status = @status, updated_ms = @updated WHERE id = @id";
    private const string DeleteSql = "DELETE FROM bots WHERE id = @id";

    public Task CreateAsync(BotRecord bot, CancellationToken cancellation = default)
    {
        Validate(bot);
        return database.WriteAsync(
            (connection, transaction) => Bind(connection.Command(InsertSql, transaction), bot).With("@created", bot.CreatedMs).RunAsync(cancellation),
            (violation, cause) => violation.IsUnique ? DuplicateRecordException.Taken("bot", "Id", bot.Id, cause) : null,
            cancellation);
    }

    public Task<BotRecord?> GetAsync(string botId, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(SelectSql + " WHERE id = @id").With("@id", botId).FirstOrDefaultAsync(Read, cancellation),
            cancellation);

    public Task<IReadOnlyList<BotRecord>> ListAsync(CancellationToken cancellation = default) =>
        database.ReadAsync(connection => connection.Command(SelectSql + " ORDER BY id").ListAsync(Read, cancellation), cancellation);

    public Task UpdateAsync(BotRecord bot, CancellationToken cancellation = default)
    {
        Validate(bot);
        return database.ChangeOneAsync(UpdateSql, command => Bind(command, bot), () => RecordNotFoundException.Bot(bot.Id), null, cancellation);
    }

    public Task SetStatusAsync(string botId, BotStatus status, long timeMs, CancellationToken cancellation = default)
    {
        Require.Text(botId, nameof(botId));
        Require.Defined(status, nameof(status));
        return database.ChangeOneAsync(
            StatusSql,
            command => command.With("@id", botId).With("@status", status.ToString()).With("@updated", timeMs),
            () => RecordNotFoundException.Bot(botId),
            null,
            cancellation);
    }

    public Task DeleteAsync(string botId, CancellationToken cancellation = default)
    {
        Require.Text(botId, nameof(botId));
        return database.ChangeOneAsync(DeleteSql, command => command.With("@id", botId), () => RecordNotFoundException.Bot(botId), null, cancellation);
    }

    private static void Validate(BotRecord bot)
    {
        Require.NotNull(bot, nameof(bot));
        Require.Text(bot.Id, "BotRecord.Id");
        Require.Text(bot.Name, "BotRecord.Name");
        Require.NotNull(bot.ConfigurationJson, "BotRecord.ConfigurationJson");
        Require.Defined(bot.Status, "BotRecord.Status");
    }

    private static DbCommand Bind(DbCommand command, BotRecord bot) => command
        .With("@id", bot.Id)
        .With("@name", bot.Name)
        .With("@configuration", bot.ConfigurationJson)
        .With("@status", bot.Status.ToString())
        .With("@updated", bot.UpdatedMs);

    private static BotRecord Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        Column.Enum<BotStatus>(reader, 3),
        reader.GetInt64(4),
        reader.GetInt64(5));
}
