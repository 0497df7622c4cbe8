namespace CryptoOrchestrator.Persistence;

/// <summary>The latest saved state of each plugin in each bot.</summary>
public interface IPluginStateRepository
{
    /// <summary>Stores the snapshot, replacing the previous one of that plugin in that bot: the last save wins.</summary>
    /// <exception cref="RecordNotFoundException">The bot does not exist.</exception>
    Task SaveAsync(PluginStateSnapshot snapshot, CancellationToken cancellation = default);

    /// <summary>The plugin's latest snapshot in the bot, or null when it never saved one.</summary>
    Task<PluginStateSnapshot?> LoadAsync(string botId, string pluginId, CancellationToken cancellation = default);

    /// <summary>The latest snapshot of every plugin in the bot, by plugin id.</summary>
    Task<IReadOnlyList<PluginStateSnapshot>> ListAsync(string botId, CancellationToken cancellation = default);
}
