using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence;

/// <summary>One state change of an order, numbered per order from 1 (the journaled <see cref="OrderStatus.New"/>).</summary>
/// <param name="BotId">The bot that placed the order.</param>
/// <param name="ClientOrderId">The order.</param>
/// <param name="Sequence">
/// Its number in the order's history. When recording, 0 lets the journal number it; a positive number must be
/// the next one, or one already stored with the same content (a replay, which changes nothing).
/// </param>
/// <param name="Status">The status the order moves to.</param>
/// <param name="FilledQuantity">The order's filled quantity after the change.</param>
/// <param name="FilledNotional">The order's filled notional after the change.</param>
/// <param name="Reason">Why (a rejection or cancel reason), when known.</param>
/// <param name="TimeMs">When it happened, Unix ms.</param>
public sealed record OrderTransition(
    string BotId,
    long ClientOrderId,
    long Sequence,
    OrderStatus Status,
    decimal FilledQuantity,
    decimal FilledNotional,
    string? Reason,
    long TimeMs);
