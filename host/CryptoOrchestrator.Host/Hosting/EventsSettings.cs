using CryptoOrchestrator.Messaging;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>The <c>Events</c> section: what the event bus keeps for clients that reconnect.</summary>
internal sealed class EventsSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Events";

    /// <summary>How many of each bot's latest events are kept for subscribers that resume.</summary>
    public int RetentionPerBot { get; set; } = EventBusOptions.DefaultRetentionPerBot;

    /// <summary>How many live events one subscriber may have waiting before it is ended.</summary>
    public int SubscriberCapacity { get; set; } = EventBusOptions.DefaultSubscriberCapacity;
}
