namespace CryptoOrchestrator.Messaging.Fanout;

/// <summary>The argument checks both buses make, so they refuse the same input with the same messages.</summary>
internal static class EventArguments
{
    public static void CheckPublish(string botId, string type, string payloadJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(payloadJson);
    }

    public static void CheckSubscribe(string botId, long afterSequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
    }

    public static ArgumentOutOfRangeException BeyondLatest(string botId, long afterSequence, long latestSequence) =>
        new(nameof(afterSequence), afterSequence,
            $"Bot '{botId}' has published up to sequence {latestSequence} only: a subscriber cannot resume after {afterSequence}. " +
            "Its events were numbered by another bus (or before the bus restarted); reload the bot's state and subscribe after 0.");
}
