namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>How an order's price is determined.</summary>
public enum OrderType
{
    /// <summary>Fill at the best available price.</summary>
    Market = 1,

    /// <summary>Fill at the limit price or better.</summary>
    Limit = 2,

    /// <summary>Becomes a market order once the stop price trades.</summary>
    StopMarket = 3,

    /// <summary>Becomes a limit order once the stop price trades.</summary>
    StopLimit = 4,
}
