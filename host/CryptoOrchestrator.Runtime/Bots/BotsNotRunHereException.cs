namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// A bot was to be created, started or resumed on a node that runs no bots (<see cref="BotManagerOptions.RunsBots"/> false,
/// the host's <c>Bots:Run=false</c>): such a node serves the journal of the node that runs them, and a bot created or
/// started here would trade beside it, unknown to it.
/// </summary>
public sealed class BotsNotRunHereException(string botId)
    : InvalidOperationException($"This node runs no bots (Bots:Run=false); create and start bot '{botId}' on the node that runs them.")
{
    /// <summary>The bot.</summary>
    public string BotId { get; } = botId;
}
