using CryptoOrchestrator.Runtime.Bots;

namespace CryptoOrchestrator.Runtime.Watchdog;

/// <summary>A plugin callback that has been running longer than its bot allows.</summary>
/// <param name="Bot">The bot whose thread is inside the callback.</param>
/// <param name="PluginId">The plugin being called.</param>
/// <param name="Phase">The callback, e.g. OnBar.</param>
/// <param name="Running">How long it has been running when seen.</param>
internal sealed record CallbackOverrun(Bot Bot, string PluginId, string Phase, TimeSpan Running);
