namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>Where a managed bot is in its life; the same names as the stored bot status.</summary>
public enum BotStatus
{
    /// <summary>Defined and checked, not started (or deleted soon).</summary>
    Created,

    /// <summary>Taking bars from its feed.</summary>
    Running,

    /// <summary>Taking no bars; they wait. Resume to carry on.</summary>
    Paused,

    /// <summary>Stopped by an operator, or its feed ended; it can be started again or deleted.</summary>
    Stopped,

    /// <summary>Stopped by a fault (see the reason): a plugin that threw or overran, or its feed failing.</summary>
    Failed,
}
