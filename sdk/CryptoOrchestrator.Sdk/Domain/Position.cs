namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// A holding in one instrument as it stands now. Cost basis is kept as the exact amount paid
/// rather than as an average price, so realized PnL adds up to the cent however often the
/// position is scaled in and out.
/// </summary>
/// <param name="Instrument">What is held.</param>
/// <param name="Quantity">Signed: positive long, negative short, zero flat.</param>
/// <param name="CostBasis">Signed quote-asset value paid for the open quantity (negative for a short).</param>
/// <param name="RealizedPnl">Profit realized by closing quantity so far, before fees.</param>
/// <param name="OpenedAt">Unix epoch milliseconds when the current position was opened, or 0 when flat.</param>
public readonly record struct Position(Instrument Instrument, Quantity Quantity, decimal CostBasis, decimal RealizedPnl, long OpenedAt)
{
    /// <summary>True when nothing is held.</summary>
    public bool IsFlat => Quantity.IsZero;

    /// <summary>Average entry price, or 0 when flat.</summary>
    public decimal AverageEntryPrice => Quantity.IsZero ? 0m : CostBasis / Quantity.ToDecimal();

    /// <summary>Value of the position at <paramref name="mark"/>, signed.</summary>
    public decimal MarketValue(Price mark) => mark.Times(Quantity);

    /// <summary>Profit not yet realized if the position were closed at <paramref name="mark"/>, before fees.</summary>
    public decimal UnrealizedPnl(Price mark) => MarketValue(mark) - CostBasis;
}
