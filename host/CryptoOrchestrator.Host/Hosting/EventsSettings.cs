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

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>127.0.0.1:6379</c>): events and the latest-state cache then go
    /// through Redis, so every API node on it streams every bot's events. In process (one node) when empty.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The prefix of every Redis key and channel; nodes of one deployment share it.</summary>
    public string RedisKeyPrefix { get; set; } = RedisEventBus.DefaultKeyPrefix;
}
