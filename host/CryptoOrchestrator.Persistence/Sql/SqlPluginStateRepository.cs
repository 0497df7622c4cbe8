using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

internal sealed class SqlPluginStateRepository(SqlDatabase database) : IPluginStateRepository
{
    private const string Columns = "bot_id, plugin_id, state_version, payload, time_ms";

    private const string UpsertSql = $"""
        INSERT INTO plugin_state ({Columns}) VALUES (@bot, @plugin, @version, @payload, @time)
        ON CONFLICT (bot_id, plugin_id) DO UPDATE SET state_version = excluded.state_version, payload = excluded.payload, time_ms = excluded.time_ms
        """;

    private const string SelectSql = $"SELECT {Columns} FROM plugin_state WHERE bot_id = @bot";

    public Task SaveAsync(PluginStateSnapshot snapshot, CancellationToken cancellation = default)
    {
        Require.NotNull(snapshot, nameof(snapshot));
        Require.Text(snapshot.BotId, "PluginStateSnapshot.BotId");
        Require.Text(snapshot.PluginId, "PluginStateSnapshot.PluginId");
        Require.NotNull(snapshot.Payload, "PluginStateSnapshot.Payload");
        return database.WriteAsync(
            (connection, transaction) => UpsertAsync(connection, transaction, snapshot, cancellation),
            Violations.UnknownBot(snapshot.BotId),
            cancellation);
    }

    /// <summary>Upserts the snapshot in the caller's transaction.</summary>
    public Task<int> UpsertAsync(DbConnection connection, DbTransaction transaction, PluginStateSnapshot snapshot, CancellationToken cancellation) =>
        database.Statement(connection, UpsertSql, transaction)
            .With("@bot", snapshot.BotId)
            .With("@plugin", snapshot.PluginId)
            .With("@version", snapshot.StateVersion)
            .With("@payload", snapshot.Payload)
            .With("@time", snapshot.TimeMs)
            .RunAsync(cancellation);

    public Task<PluginStateSnapshot?> LoadAsync(string botId, string pluginId, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(SelectSql + " AND plugin_id = @plugin").With("@bot", botId).With("@plugin", pluginId).FirstOrDefaultAsync(Read, cancellation),
            cancellation);

    public Task<IReadOnlyList<PluginStateSnapshot>> ListAsync(string botId, CancellationToken cancellation = default) =>
        database.ReadAsync(connection => connection.Command(SelectSql + " ORDER BY plugin_id").With("@bot", botId).ListAsync(Read, cancellation), cancellation);

    private static PluginStateSnapshot Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt32(2),
        Column.Bytes(reader, 3),
        reader.GetInt64(4));
}
