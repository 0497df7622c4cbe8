namespace CryptoOrchestrator.Persistence;

/// <summary>A plugin's saved state inside one bot; only the latest per (BotId, PluginId) is kept.</summary>
/// <param name="BotId">The bot.</param>
/// <param name="PluginId">The plugin.</param>
/// <param name="StateVersion">The plugin's own version of its state format.</param>
/// <param name="Payload">The state, as the plugin serialised it.</param>
/// <param name="TimeMs">When it was saved, Unix ms.</param>
public sealed record PluginStateSnapshot(string BotId, string PluginId, int StateVersion, byte[] Payload, long TimeMs);
