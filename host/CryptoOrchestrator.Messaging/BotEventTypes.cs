namespace CryptoOrchestrator.Messaging;

/// <summary>The event types a bot publishes; the WebSocket API streams them under these names.</summary>
public static class BotEventTypes
{
    /// <summary>An order (part-)filled.</summary>
    public const string Fill = "fill";

    /// <summary>An order changed status.</summary>
    public const string Order = "order";

    /// <summary>A position changed.</summary>
    public const string Position = "position";

    /// <summary>A new equity snapshot.</summary>
    public const string Equity = "equity";

    /// <summary>A plugin was loaded, reloaded, quarantined or enabled again.</summary>
    public const string PluginStatus = "plugin-status";

    /// <summary>A risk rule refused or resized an order, or a limit was reached.</summary>
    public const string RiskAlert = "risk-alert";

    /// <summary>The bot was started, paused, stopped or failed.</summary>
    public const string BotState = "bot-state";
}
