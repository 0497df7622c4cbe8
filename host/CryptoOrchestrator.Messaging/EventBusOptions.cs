namespace CryptoOrchestrator.Messaging;

/// <summary>How much each bus keeps and buffers.</summary>
public sealed class EventBusOptions
{
    /// <summary>The events retained per bot unless configured: enough for a client to reconnect after minutes.</summary>
    public const int DefaultRetentionPerBot = 10_000;

    /// <summary>The live events a subscriber may have waiting unless configured.</summary>
    public const int DefaultSubscriberCapacity = 4_096;

    /// <summary>How many of each bot's latest events are kept for subscribers that resume.</summary>
    public int RetentionPerBot { get; init; } = DefaultRetentionPerBot;

    /// <summary>How many live events one subscriber may have waiting before it is ended (see
    /// <see cref="SubscriberOverflowException"/>).</summary>
    public int SubscriberCapacity { get; init; } = DefaultSubscriberCapacity;

    internal EventBusOptions Validated()
    {
        if (RetentionPerBot < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RetentionPerBot), RetentionPerBot, "Retention per bot must keep at least one event.");
        }

        if (SubscriberCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SubscriberCapacity), SubscriberCapacity, "A subscriber must be able to hold at least one event.");
        }

        return this;
    }
}
