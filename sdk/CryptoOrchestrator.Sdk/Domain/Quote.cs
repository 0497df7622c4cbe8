namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>Top of the book.</summary>
/// <param name="Time">Unix epoch milliseconds.</param>
/// <param name="Bid">Best bid price.</param>
/// <param name="BidSize">Quantity at the best bid.</param>
/// <param name="Ask">Best ask price.</param>
/// <param name="AskSize">Quantity at the best ask.</param>
public readonly record struct Quote(long Time, Price Bid, Quantity BidSize, Price Ask, Quantity AskSize)
{
    /// <summary>The exact mid price, in quote-asset units.</summary>
    public decimal Mid => (Bid.ToDecimal() + Ask.ToDecimal()) / 2m;

    /// <summary>Ask minus bid.</summary>
    public Price Spread => Ask - Bid;
}
