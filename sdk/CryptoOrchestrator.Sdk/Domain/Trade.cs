namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>One public trade printed by a venue.</summary>
/// <param name="Time">Unix epoch milliseconds.</param>
/// <param name="Price">Traded price.</param>
/// <param name="Quantity">Traded base-asset quantity.</param>
/// <param name="AggressorSide">The side that crossed the spread.</param>
public readonly record struct Trade(long Time, Price Price, Quantity Quantity, OrderSide AggressorSide);
