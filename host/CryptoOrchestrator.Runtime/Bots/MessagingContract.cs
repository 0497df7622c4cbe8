namespace CryptoOrchestrator.Messaging;

/// <summary>One numbered event of one bot.</summary>
public sealed record BotEvent(string BotId, long Sequence, string Type, long TimeMs, string PayloadJson);

/// <summary>The event types bots publish.</summary>
public static class BotEventTypes
{
    /// <summary>An order filled.</summary>
    public const string Fill = "fill";

    /// <summary>An order changed status.</summary>
    public const string Order = "order";

    /// <summary>A position changed.</summary>
    public const string Position = "position";

    /// <summary>Equity was marked.</summary>
    public const string Equity = "equity";

    /// <summary>A plugin's status changed.</summary>
    public const string PluginStatus = "plugin-status";

    /// <summary>A risk rule refused an order.</summary>
    public const string RiskAlert = "risk-alert";

    /// <summary>The bot's life-cycle state changed.</summary>
    public const string BotState = "bot-state";
}

/// <summary>Numbers, retains and fans out bot events.</summary>
public interface IEventBus : IAsyncDisposable
{
    /// <summary>Assigns the bot's next sequence, retains the event and fans it out.</summary>
    ValueTask<BotEvent> PublishAsync(string botId, string type, long timeMs, string payloadJson, CancellationToken cancellation = default);

    /// <summary>Retained events after <paramref name="afterSequence"/>, then live ones.</summary>
    IAsyncEnumerable<BotEvent> SubscribeAsync(string botId, long afterSequence, CancellationToken cancellation = default);
}
