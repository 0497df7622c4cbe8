namespace CryptoOrchestrator.Messaging;

/// <summary>
/// A subscriber read the live stream more slowly than events were published, and its buffer filled. It is
/// ended rather than allowed to slow publishers or other subscribers, or to silently lose events; every
/// event up to <see cref="LastDeliveredSequence"/> was delivered, so it resumes by subscribing after it.
/// </summary>
public sealed class SubscriberOverflowException : InvalidOperationException
{
    /// <summary>Creates the exception for one bot, the last event delivered and the buffer's size.</summary>
    public SubscriberOverflowException(string botId, long lastDeliveredSequence, int capacity)
        : base($"The subscriber to bot '{botId}' fell more than {capacity} events behind the live stream and was ended. " +
               $"Every event up to sequence {lastDeliveredSequence} was delivered: subscribe again after it.")
    {
        BotId = botId;
        LastDeliveredSequence = lastDeliveredSequence;
        Capacity = capacity;
    }

    /// <summary>The bot concerned.</summary>
    public string BotId { get; }

    /// <summary>The sequence of the last event this subscriber received; resume after it.</summary>
    public long LastDeliveredSequence { get; }

    /// <summary>How many undelivered live events a subscriber may have waiting.</summary>
    public int Capacity { get; }
}
