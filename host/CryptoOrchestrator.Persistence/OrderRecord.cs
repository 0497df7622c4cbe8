using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence;

/// <summary>An order as journaled, with the state of its last recorded transition.</summary>
/// <param name="BotId">The bot that placed it.</param>
/// <param name="ClientOrderId">The bot's own identifier for it (<see cref="Sdk.Domain.ClientOrderId.Value"/>), unique per bot.</param>
/// <param name="OwnerId">The plugin or component that asked for it.</param>
/// <param name="Symbol">The instrument's symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, limit, stop-market or stop-limit.</param>
/// <param name="Quantity">The quantity asked for; positive.</param>
/// <param name="LimitPrice">The limit price of limit and stop-limit orders.</param>
/// <param name="StopPrice">The trigger price of stop orders.</param>
/// <param name="TimeInForce">How long it rests.</param>
/// <param name="ReduceOnly">Whether it may only reduce a position.</param>
/// <param name="Status">Its status; <see cref="OrderStatus.New"/> when journaled.</param>
/// <param name="FilledQuantity">The quantity filled so far.</param>
/// <param name="FilledNotional">Price times quantity summed over its fills so far.</param>
/// <param name="Reason">Why it was rejected, cancelled or expired, when known.</param>
/// <param name="CreatedMs">When it was journaled, Unix ms.</param>
/// <param name="UpdatedMs">When its last transition happened, Unix ms.</param>
public sealed record OrderRecord(
    string BotId,
    long ClientOrderId,
    string OwnerId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? LimitPrice,
    decimal? StopPrice,
    TimeInForce TimeInForce,
    bool ReduceOnly,
    OrderStatus Status,
    decimal FilledQuantity,
    decimal FilledNotional,
    string? Reason,
    long CreatedMs,
    long UpdatedMs);
