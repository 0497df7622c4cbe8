using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Loopback;

/// <summary>
/// One line of the loopback venue's protocol: a JSON object per line, each way. The client opens every connection
/// with <c>hello</c>, naming the last event it handled; the venue replays the events after it, then streams new ones.
/// Every venue event carries a sequence number, which is what makes a reconnect lose and repeat nothing.
/// Quantities and prices travel as decimal text, so they stay exact.
/// <code>
/// client → venue  {"type":"hello","after":4}
///                 {"type":"submit","id":1,"side":"Buy","orderType":"Limit","quantity":"0.005","price":"137"}
///                 {"type":"cancel","id":1}
/// venue → client  {"type":"accepted","seq":5,"id":1}
///                 {"type":"rejected","seq":6,"id":2,"reason":"insufficient balance"}
///                 {"type":"cancelled","seq":7,"id":1,"reason":"cancelled on request"}
///                 {"type":"fill","seq":8,"id":1,"quantity":"0.002","price":"136.99","fee":"0","time":1704067200000}
/// </code>
/// </summary>
internal sealed record WireMessage
{
    public const string HelloType = "hello";
    public const string SubmitType = "submit";
    public const string CancelType = "cancel";
    public const string AcceptedType = "accepted";
    public const string RejectedType = "rejected";
    public const string CancelledType = "cancelled";
    public const string FillType = "fill";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter() },
    };

    public required string Type { get; init; }

    /// <summary>The venue's sequence number of an event; in <c>hello</c>, <see cref="After"/> is used instead.</summary>
    public long Seq { get; init; }

    /// <summary>The last event the client handled; the venue replays everything after it.</summary>
    public long After { get; init; }

    /// <summary>The client order id.</summary>
    public long Id { get; init; }

    public OrderSide Side { get; init; }

    public OrderType OrderType { get; init; }

    public string? Quantity { get; init; }

    public string? Price { get; init; }

    public string? Fee { get; init; }

    public string? Reason { get; init; }

    /// <summary>When a fill happened at the venue, Unix epoch milliseconds.</summary>
    public long Time { get; init; }

    public ClientOrderId OrderId => new(Id);

    public static WireMessage Hello(long after) => new() { Type = HelloType, After = after };

    public static WireMessage Submit(in OrderSnapshot order) => new()
    {
        Type = SubmitType,
        Id = order.Id.Value,
        Side = order.Request.Side,
        OrderType = order.Request.Type,
        Quantity = order.Request.Quantity.ToString(),
        Price = order.Request.LimitPrice.ToString(),
    };

    public static WireMessage Cancel(ClientOrderId id) => new() { Type = CancelType, Id = id.Value };

    /// <summary>This event, numbered <paramref name="sequence"/> in the venue's journal.</summary>
    public WireMessage Numbered(long sequence) => this with { Seq = sequence };

    public string ToLine() => JsonSerializer.Serialize(this, Json);

    public static WireMessage Parse(string line) =>
        JsonSerializer.Deserialize<WireMessage>(line, Json) ?? throw new JsonException($"'{line}' is not a message.");

    public Quantity ParsedQuantity() => Domain.Quantity.Parse(Quantity ?? throw Missing(nameof(Quantity)));

    public Price ParsedPrice() => Domain.Price.Parse(Price ?? throw Missing(nameof(Price)));

    public decimal ParsedFee() => decimal.Parse(Fee ?? "0", NumberStyles.Float, CultureInfo.InvariantCulture);

    private JsonException Missing(string field) => new($"A '{Type}' message for order {Id} has no {field}.");
}
