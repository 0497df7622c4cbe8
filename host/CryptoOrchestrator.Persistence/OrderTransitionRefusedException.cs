using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence;

/// <summary>The journal refused a transition; the order and its history are unchanged.</summary>
public sealed class OrderTransitionRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="botId">The bot.</param>
    /// <param name="clientOrderId">The order.</param>
    /// <param name="from">The order's stored status.</param>
    /// <param name="to">The status asked for.</param>
    /// <param name="reason">Why it was refused, naming the field at fault.</param>
    /// <param name="inner">The state machine's own exception, when it was the one refusing.</param>
    public OrderTransitionRefusedException(string botId, long clientOrderId, OrderStatus from, OrderStatus to, string reason, Exception? inner = null)
        : base($"Bot '{botId}', order co-{clientOrderId}: transition {from} -> {to} refused: {reason}", inner)
    {
        BotId = botId;
        ClientOrderId = clientOrderId;
        From = from;
        To = to;
    }

    /// <summary>The bot.</summary>
    public string BotId { get; }

    /// <summary>The order.</summary>
    public long ClientOrderId { get; }

    /// <summary>The order's stored status.</summary>
    public OrderStatus From { get; }

    /// <summary>The status asked for.</summary>
    public OrderStatus To { get; }
}
