namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>A life-cycle step the bot's status does not allow (resume a running bot, delete a paused one).</summary>
public sealed class BotStateException(string botId, BotStatus status, string message)
    : InvalidOperationException(message)
{
    /// <summary>The bot.</summary>
    public string BotId { get; } = botId;

    /// <summary>Its status when the step was refused.</summary>
    public BotStatus Status { get; } = status;
}
