namespace Co.Exchange1;

/// <summary>
/// A command sent to the venue and not yet answered. It is sent again on every new connection
/// until the venue's answer arrives, because a line written just before a connection drops may
/// never have reached the venue; the venue ignores an order id it already knows.
/// </summary>
internal sealed class PendingCommand(long orderId, string type, string line)
{
    public long OrderId { get; } = orderId;

    /// <summary><see cref="WireMessage.New"/> or <see cref="WireMessage.Cancel"/>.</summary>
    public string Type { get; } = type;

    public string Line { get; } = line;

    /// <summary>The connection it was last written on (0: none yet).</summary>
    public int SentOnConnection { get; set; }
}
