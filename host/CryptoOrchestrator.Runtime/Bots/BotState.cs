namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>Where a bot is in its life.</summary>
public enum BotState
{
    /// <summary>Taking events as they come.</summary>
    Running,

    /// <summary>Its input ended and every event was processed.</summary>
    Completed,

    /// <summary>Stopped on request (<see cref="Bot.Stop"/>) at an event boundary; events still queued were not processed.</summary>
    Stopped,

    /// <summary>Stopped by a fault (see <see cref="Bot.HaltReason"/>); positions and orders are left as they were.</summary>
    Halted,
}
