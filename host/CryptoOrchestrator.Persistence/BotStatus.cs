namespace CryptoOrchestrator.Persistence;

/// <summary>Where a bot is in its life cycle, as the host last recorded it.</summary>
public enum BotStatus
{
    /// <summary>Defined but never started.</summary>
    Created = 1,

    /// <summary>Trading; a restarted host starts it again.</summary>
    Running = 2,

    /// <summary>Paused by an operator; it keeps its orders and positions.</summary>
    Paused = 3,

    /// <summary>Stopped by an operator.</summary>
    Stopped = 4,

    /// <summary>Halted by a fault.</summary>
    Failed = 5,
}
