using System.Text.Json;
using System.Text.Json.Serialization;

namespace Co.Exchange1;

/// <summary>
/// One line of the venue protocol: newline-delimited JSON, one object per line. The adapter sends
/// <c>hello</c> (with the last sequence number it has seen), <c>new</c> and <c>cancel</c>; the venue
/// answers with numbered events (<c>accepted</c>, <c>rejected</c>, <c>cancelled</c>, <c>cancel-rejected</c>,
/// <c>fill</c>) and, after a <c>hello</c>, first replays every event numbered above the one given.
/// Prices and quantities travel as decimal text so that they stay exact.
/// </summary>
public sealed record WireMessage
{
    /// <summary>Adapter to venue: a (re)connection, asking for the events after <see cref="After"/>.</summary>
    public const string Hello = "hello";

    /// <summary>Adapter to venue: place an order.</summary>
    public const string New = "new";

    /// <summary>Adapter to venue: cancel an order.</summary>
    public const string Cancel = "cancel";

    /// <summary>Venue event: the order is working.</summary>
    public const string Accepted = "accepted";

    /// <summary>Venue event: the order was refused; <see cref="Reason"/> says why.</summary>
    public const string Rejected = "rejected";

    /// <summary>Venue event: the order was cancelled.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Venue event: a cancel could not be done (the order is not open); <see cref="Reason"/> says why.</summary>
    public const string CancelRejected = "cancel-rejected";

    /// <summary>Venue event: (part of) the order executed.</summary>
    public const string Fill = "fill";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>What the line is: one of the constants of this type.</summary>
    public required string Type { get; init; }

    /// <summary>The event's number, from 1, without gaps; null on the adapter's messages.</summary>
    public long? Seq { get; init; }

    /// <summary>On <c>hello</c>: the last event number the adapter has processed (0 for none).</summary>
    public long? After { get; init; }

    /// <summary>The client order id.</summary>
    public long? Id { get; init; }

    /// <summary><c>buy</c> or <c>sell</c>.</summary>
    public string? Side { get; init; }

    /// <summary><c>market</c>, <c>limit</c>, <c>stop-market</c> or <c>stop-limit</c>.</summary>
    public string? OrderType { get; init; }

    /// <summary>Order quantity, or the fill's quantity, as decimal text.</summary>
    public string? Quantity { get; init; }

    /// <summary>Limit price, or the fill's price, as decimal text.</summary>
    public string? Price { get; init; }

    /// <summary>Stop price of stop orders, as decimal text.</summary>
    public string? StopPrice { get; init; }

    /// <summary>Fee of a fill in the quote asset, as decimal text.</summary>
    public string? Fee { get; init; }

    /// <summary>Why an order or a cancel was refused.</summary>
    public string? Reason { get; init; }

    /// <summary>Venue time of the event, Unix epoch milliseconds.</summary>
    public long? Time { get; init; }

    /// <summary>The message as one line of JSON, without the newline.</summary>
    public string ToLine() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads one line; throws <see cref="FormatException"/> quoting it when it is not a message.</summary>
    public static WireMessage Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<WireMessage>(line, Options)
                ?? throw new FormatException($"Venue message 'null' is not an object: {line}");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Venue message is not valid: {ex.Message} Line: {line}", ex);
        }
    }
}
