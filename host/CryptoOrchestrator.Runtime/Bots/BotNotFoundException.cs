namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>No bot with the id asked for.</summary>
public sealed class BotNotFoundException(string botId)
    : KeyNotFoundException($"There is no bot '{botId}'.")
{
    /// <summary>The id asked for.</summary>
    public string BotId { get; } = botId;
}
