using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Accounting;

/// <summary>
/// Cash, positions (cost-basis model), fees and realized PnL for one account: the single place a
/// fill is booked, so the portfolio and every strategy ledger account identically.
/// Allocation-free per fill: every per-instrument state lives in arrays sized once.
/// </summary>
internal sealed class PositionBook
{
    /// <summary>
    /// Cost shares are rounded to 16 fractional digits, the scale of every price × quantity product:
    /// all money then stays on one scale, where decimal addition is exact, and whatever a division
    /// rounds away stays in the cost basis instead of vanishing.
    /// </summary>
    private const int MoneyScale = 16;

    private readonly IReadOnlyList<Instrument> instruments;
    private readonly long[] units;
    private readonly decimal[] costBasis;
    private readonly decimal[] realized;
    private readonly long[] openedAt;
    private readonly TradeInProgress[] trades;

    public PositionBook(IReadOnlyList<Instrument> instruments, decimal initialCash)
    {
        this.instruments = instruments;
        var count = instruments.Count;
        units = new long[count];
        costBasis = new decimal[count];
        realized = new decimal[count];
        openedAt = new long[count];
        trades = new TradeInProgress[count];
        Cash = initialCash;
    }

    public decimal Cash { get; private set; }

    public decimal TotalFees { get; private set; }

    public decimal RealizedPnl { get; private set; }

    /// <summary>Sum of every open position's cost basis, kept so unrealized PnL is O(1).</summary>
    public decimal TotalCostBasis { get; private set; }

    public int OpenPositionCount { get; private set; }

    public long UnitsHeld(int index) => units[index];

    public Position GetPosition(int index)
    {
        CheckIndex(index);
        return new(instruments[index], Quantity.FromUnits(units[index]), costBasis[index], realized[index], openedAt[index]);
    }

    public void CheckIndex(int index)
    {
        if ((uint)index >= (uint)units.Length)
        {
            throw new ArgumentOutOfRangeException(
                "instrumentIndex", index, $"Instrument index must be in 0..{units.Length - 1}; this book holds {units.Length} instruments.");
        }
    }

    /// <summary>Gross PnL already realized by partial closes of the trade still open in the instrument.</summary>
    public decimal OpenTradeGrossPnl(int index) => units[index] == 0 ? 0m : trades[index].GrossPnl;

    /// <summary>Fees already paid on the trade still open in the instrument.</summary>
    public decimal OpenTradeFees(int index) => units[index] == 0 ? 0m : trades[index].Fees;

    /// <summary>
    /// Books a fill that has already been validated. A fill that crosses zero is split: the part
    /// that closes the position ends the current trade, the rest opens the next one.
    /// </summary>
    public void Book(int index, in Fill fill, int owner, int barIndex, IClosedTradeListener? listener)
    {
        var fillUnits = fill.Quantity.Units;
        var direction = fill.Side == OrderSide.Buy ? 1L : -1L;
        var held = units[index];
        var closingUnits = held != 0 && Math.Sign(held) != direction ? Math.Min(fillUnits, Math.Abs(held)) : 0L;
        var openingUnits = fillUnits - closingUnits;
        var closingFee = ShareOf(fill.Fee, closingUnits, fillUnits);

        Cash -= fill.Fee;
        TotalFees += fill.Fee;
        if (closingUnits > 0)
        {
            Reduce(index, fill, direction, closingUnits, closingFee, barIndex, listener);
        }

        if (openingUnits > 0)
        {
            Increase(index, fill, direction, openingUnits, fill.Fee - closingFee, owner, barIndex);
        }
    }

    private void Reduce(int index, in Fill fill, long direction, long closingUnits, decimal fee, int barIndex, IClosedTradeListener? listener)
    {
        var held = units[index];
        var notional = fill.Price.Times(Quantity.FromUnits(closingUnits));
        var cashFlow = direction > 0 ? -notional : notional;
        var removedCost = ShareOf(costBasis[index], closingUnits, Math.Abs(held));

        // Realized PnL is defined as proceeds minus exactly the cost that leaves the basis, so
        // cash, cost basis and realized PnL conserve to the last digit whatever the rounding.
        var pnl = cashFlow - removedCost;
        Cash += cashFlow;
        costBasis[index] -= removedCost;
        TotalCostBasis -= removedCost;
        realized[index] += pnl;
        RealizedPnl += pnl;
        units[index] = held + (direction * closingUnits);

        ref var trade = ref trades[index];
        trade.AddExit(notional, closingUnits, pnl, fee);
        if (units[index] != 0)
        {
            return;
        }

        openedAt[index] = 0;
        OpenPositionCount--;
        if (listener is not null)
        {
            var closed = trade.Close(instruments[index], fill.Time, barIndex);
            listener.OnTradeClosed(in closed);
        }
    }

    private void Increase(int index, in Fill fill, long direction, long openingUnits, decimal fee, int owner, int barIndex)
    {
        ref var trade = ref trades[index];
        if (units[index] == 0)
        {
            trade.Open(direction > 0 ? PositionSide.Long : PositionSide.Short, owner, fill.Time, barIndex);
            openedAt[index] = fill.Time;
            OpenPositionCount++;
        }

        var notional = fill.Price.Times(Quantity.FromUnits(openingUnits));
        var cashFlow = direction > 0 ? -notional : notional;
        Cash += cashFlow;
        costBasis[index] -= cashFlow;
        TotalCostBasis -= cashFlow;
        units[index] = checked(units[index] + (direction * openingUnits));
        trade.AddEntry(notional, openingUnits, units[index], fee);
    }

    /// <summary>
    /// <paramref name="amount"/> × part / whole, rounded to the money scale; the whole amount when
    /// part is all of it, so a full close removes the basis exactly.
    /// </summary>
    private static decimal ShareOf(decimal amount, long part, long whole)
    {
        if (part == 0)
        {
            return 0m;
        }

        return part == whole
            ? amount
            : Math.Round(amount * ((decimal)part / whole), MoneyScale, MidpointRounding.ToEven);
    }
}
