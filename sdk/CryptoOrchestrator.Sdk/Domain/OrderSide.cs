namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>Which way an order or trade goes.</summary>
public enum OrderSide
{
    /// <summary>Buy the base asset.</summary>
    Buy = 1,

    /// <summary>Sell the base asset.</summary>
    Sell = 2,
}
