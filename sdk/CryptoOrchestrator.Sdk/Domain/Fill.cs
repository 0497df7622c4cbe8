namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>One execution of (part of) an order.</summary>
/// <param name="OrderId">The order that filled.</param>
/// <param name="Instrument">What traded.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Price">Execution price, on the instrument's tick.</param>
/// <param name="Quantity">Executed quantity (positive), on the instrument's lot.</param>
/// <param name="Fee">Fee charged, in <paramref name="FeeAsset"/> units.</param>
/// <param name="FeeAsset">The asset the fee is paid in.</param>
/// <param name="Liquidity">Maker or taker.</param>
/// <param name="Time">Unix epoch milliseconds.</param>
public readonly record struct Fill(
    ClientOrderId OrderId,
    Instrument Instrument,
    OrderSide Side,
    Price Price,
    Quantity Quantity,
    decimal Fee,
    string FeeAsset,
    Liquidity Liquidity,
    long Time)
{
    /// <summary>Price × quantity, exactly, in quote-asset units.</summary>
    public decimal Notional => Price.Times(Quantity);

    /// <summary>The signed change to the position: positive for a buy, negative for a sell.</summary>
    public Quantity SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;
}
