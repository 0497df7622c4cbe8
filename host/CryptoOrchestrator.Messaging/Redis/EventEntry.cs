using System.Globalization;
using StackExchange.Redis;

namespace CryptoOrchestrator.Messaging.Redis;

/// <summary>
/// How an event is written in the log and on the channel: <c>sequence:timeMs:typeLength:type</c> followed by
/// the payload, e.g. <c>42:1700000000000:4:fill{"price":"1.5"}</c>. The publish script puts the sequence in
/// front of what <see cref="EncodeTail"/> wrote, because only the script knows it. The bot id is not
/// repeated: the key or channel names it.
/// </summary>
internal static class EventEntry
{
    public static string EncodeTail(string type, long timeMs, string payloadJson) =>
        string.Create(CultureInfo.InvariantCulture, $"{timeMs}:{type.Length}:{type}{payloadJson}");

    /// <param name="where">The key or channel the entry came from, for the error message.</param>
    public static BotEvent Decode(string botId, RedisValue entry, string where)
    {
        var text = (string?)entry ?? string.Empty;
        var position = 0;
        var sequence = ReadNumber(text, ref position, "sequence", where);
        var timeMs = ReadNumber(text, ref position, "time", where);
        var typeLength = ReadNumber(text, ref position, "type length", where);
        if (typeLength < 1 || typeLength > text.Length - position)
        {
            throw Malformed(where, text, $"type length {typeLength} does not fit the entry");
        }

        var type = text.Substring(position, (int)typeLength);
        return new BotEvent(botId, sequence, type, timeMs, text[(position + (int)typeLength)..]);
    }

    private static long ReadNumber(string text, ref int position, string field, string where)
    {
        var end = text.IndexOf(':', position);
        if (end < 0 || !long.TryParse(text.AsSpan(position, end - position), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Malformed(where, text, $"no {field} at character {position}");
        }

        position = end + 1;
        return value;
    }

    private static FormatException Malformed(string where, string text, string reason) =>
        new($"Malformed event entry in '{where}': {reason} (entry starts '{text[..Math.Min(text.Length, 60)]}').");
}
