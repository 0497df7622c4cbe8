namespace CryptoOrchestrator.Messaging;

/// <summary>
/// A subscriber asked for events that retention has already trimmed: it would miss some, so it must
/// reload the bot's state (positions, orders) and subscribe again from a retained sequence.
/// </summary>
public sealed class EventsExpiredException : InvalidOperationException
{
    /// <summary>Creates the exception for one bot and the refused starting point.</summary>
    public EventsExpiredException(string botId, long afterSequence, long oldestRetainedSequence)
        : base($"Events of bot '{botId}' after sequence {afterSequence} are no longer retained: the oldest retained is " +
               $"{oldestRetainedSequence}. Reload the bot's state and subscribe after sequence {oldestRetainedSequence - 1} or later.")
    {
        BotId = botId;
        AfterSequence = afterSequence;
        OldestRetainedSequence = oldestRetainedSequence;
    }

    /// <summary>The bot concerned.</summary>
    public string BotId { get; }

    /// <summary>The sequence the subscriber asked to resume after.</summary>
    public long AfterSequence { get; }

    /// <summary>The oldest sequence still retained (one past the latest when nothing is retained).</summary>
    public long OldestRetainedSequence { get; }
}
