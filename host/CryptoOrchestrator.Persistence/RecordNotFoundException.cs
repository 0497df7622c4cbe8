namespace CryptoOrchestrator.Persistence;

/// <summary>A write named a record that does not exist: an unknown bot, order, user, API key or exchange account.</summary>
public sealed class RecordNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception for one missing record.</summary>
    /// <param name="entity">What kind of record, e.g. "bot".</param>
    /// <param name="key">How it was named, e.g. "'bot-1'" or "co-7 of bot 'bot-1'".</param>
    /// <param name="inner">The database's own error, when it reported the absence.</param>
    public RecordNotFoundException(string entity, string key, Exception? inner = null)
        : base($"{Capitalised(entity)} {key} does not exist.", inner)
    {
        Entity = entity;
        Key = key;
    }

    /// <summary>What kind of record was missing.</summary>
    public string Entity { get; }

    /// <summary>How the missing record was named.</summary>
    public string Key { get; }

    internal static RecordNotFoundException Bot(string botId, Exception? inner = null) => new("bot", $"'{botId}'", inner);

    internal static RecordNotFoundException Order(string botId, long clientOrderId, Exception? inner = null) =>
        new("order", $"co-{clientOrderId} of bot '{botId}'", inner);

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
