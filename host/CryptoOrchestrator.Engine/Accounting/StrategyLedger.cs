using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Accounting;

/// <summary>
/// One owner's share of the portfolio, booked with the same accounting: it starts with zero cash,
/// so its <see cref="Equity"/> is the profit the owner's fills have made, marked at the portfolio's prices.
/// </summary>
public sealed class StrategyLedger
{
    private readonly PositionBook book;
    private readonly Price[] lastPrices;

    internal StrategyLedger(int owner, IReadOnlyList<Instrument> instruments, Price[] lastPrices)
    {
        Owner = owner;
        this.lastPrices = lastPrices;
        book = new PositionBook(instruments, 0m);
    }

    /// <summary>The strategy slot this ledger belongs to (-1: the pipeline itself).</summary>
    public int Owner { get; }

    /// <summary>Receives the owner's own round trips, as its positions alone see them.</summary>
    public IClosedTradeListener? TradeListener { get; set; }

    /// <summary>Always zero: a ledger measures change, so the owners' equities add up to the portfolio's gain.</summary>
    public decimal InitialCash => 0m;

    /// <summary>Net cash the owner's fills have paid and received, fees included.</summary>
    public decimal Cash => book.Cash;

    /// <summary>Fees paid on the owner's fills.</summary>
    public decimal TotalFees => book.TotalFees;

    /// <summary>Profit realized by the owner's closing fills, before fees.</summary>
    public decimal RealizedPnl => book.RealizedPnl;

    /// <summary>Market value of the owner's positions at the portfolio's last prices. O(instruments).</summary>
    public decimal MarketValue
    {
        get
        {
            var sum = 0m;
            for (var i = 0; i < lastPrices.Length; i++)
            {
                var held = book.UnitsHeld(i);
                if (held != 0)
                {
                    sum += lastPrices[i].Times(Quantity.FromUnits(held));
                }
            }

            return sum;
        }
    }

    /// <summary>Cash plus market value: the owner's profit so far after fees. O(instruments).</summary>
    public decimal Equity => Cash + MarketValue;

    /// <summary>Market value minus cost basis of the owner's open positions, before fees. O(instruments).</summary>
    public decimal UnrealizedPnl => MarketValue - book.TotalCostBasis;

    /// <summary>True when the owner holds anything.</summary>
    public bool HasOpenPosition => book.OpenPositionCount > 0;

    /// <summary>The owner's position in the instrument at <paramref name="instrumentIndex"/>.</summary>
    public Position GetPosition(int instrumentIndex) => book.GetPosition(instrumentIndex);

    internal PositionBook Book => book;
}
