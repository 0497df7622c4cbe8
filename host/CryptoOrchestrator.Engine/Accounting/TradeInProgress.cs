using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Accounting;

/// <summary>
/// The running totals of the trade currently open in one instrument. A mutable struct kept in a
/// pre-sized array and updated by reference, so booking a fill allocates nothing. Notionals and
/// PnL are counts of 10^-16 (<see cref="QuoteUnits"/>); fees stay decimal.
/// </summary>
internal struct TradeInProgress
{
    private PositionSide side;
    private int owner;
    private long entryTime;
    private int entryBar;
    private Int128 entryNotional;
    private long entryUnits;
    private Int128 exitNotional;
    private long exitUnits;
    private long largestUnits;
    private Int128 grossPnl;
    private decimal fees;

    /// <summary>Realized profit booked so far by partial closes of the open trade.</summary>
    public readonly Int128 GrossPnl => grossPnl;

    /// <summary>Fees booked so far on the open trade's fills.</summary>
    public readonly decimal Fees => fees;

    public void Open(PositionSide tradeSide, int tradeOwner, long time, int bar)
    {
        this = default;
        side = tradeSide;
        owner = tradeOwner;
        entryTime = time;
        entryBar = bar;
    }

    public void AddEntry(Int128 notional, long units, long heldUnitsAfter, decimal fee)
    {
        entryNotional += notional;
        entryUnits += units;
        largestUnits = Math.Max(largestUnits, Math.Abs(heldUnitsAfter));
        fees += fee;
    }

    public void AddExit(Int128 notional, long units, Int128 realized, decimal fee)
    {
        exitNotional += notional;
        exitUnits += units;
        grossPnl += realized;
        fees += fee;
    }

    public readonly ClosedTrade Close(Instrument instrument, long exitTime, int exitBar) => new(
        instrument,
        owner,
        side,
        entryTime,
        exitTime,
        Quantity.FromUnits(largestUnits),
        QuoteUnits.ToDecimal(entryNotional) / Quantity.FromUnits(entryUnits).ToDecimal(),
        QuoteUnits.ToDecimal(exitNotional) / Quantity.FromUnits(exitUnits).ToDecimal(),
        QuoteUnits.ToDecimal(grossPnl),
        fees,
        entryBar,
        exitBar);
}
