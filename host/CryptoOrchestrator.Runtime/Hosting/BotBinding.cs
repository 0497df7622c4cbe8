using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Runtime.Bots;

namespace CryptoOrchestrator.Runtime.Hosting;

/// <summary>A running bot and, per strategy slot, the loaded generation its instance came from.</summary>
internal sealed class BotBinding(Bot bot, LoadedPlugin[] generations)
{
    public Bot Bot { get; } = bot;

    /// <summary>By slot; replaced when a swap succeeds.</summary>
    public LoadedPlugin[] Generations { get; } = generations;

    public BotStrategy Strategy(int slot) => Bot.Options.Strategies[slot];
}
