namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>One price level of an order book.</summary>
/// <param name="Price">The level's price.</param>
/// <param name="Quantity">Total quantity resting at the price.</param>
public readonly record struct BookLevel(Price Price, Quantity Quantity);
