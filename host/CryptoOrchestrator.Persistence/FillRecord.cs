using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence;

/// <summary>One execution of an order; (BotId, ClientOrderId, FillSequence) identifies it, so a replayed fill is stored once.</summary>
/// <param name="BotId">The bot that placed the order.</param>
/// <param name="ClientOrderId">The order it fills; it must be journaled.</param>
/// <param name="FillSequence">The fill's number within the order, from 1.</param>
/// <param name="Symbol">The instrument's symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Price">The execution price.</param>
/// <param name="Quantity">The executed quantity.</param>
/// <param name="Fee">The fee charged.</param>
/// <param name="FeeAsset">The asset the fee was charged in.</param>
/// <param name="Liquidity">Maker or taker.</param>
/// <param name="TimeMs">When it executed, Unix ms.</param>
public sealed record FillRecord(
    string BotId,
    long ClientOrderId,
    int FillSequence,
    string Symbol,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Fee,
    string FeeAsset,
    Liquidity Liquidity,
    long TimeMs);
