using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Accounting;

/// <summary>
/// Cash, positions (cost-basis model), fees and realized PnL for one account: the single place a
/// fill is booked, so the portfolio and every strategy ledger account identically.
/// Allocation-free per fill: every per-instrument state lives in arrays sized once.
/// </summary>
/// <remarks>
/// Notionals, cost bases and realized PnL are exact counts of 10^-16 (<see cref="QuoteUnits"/>):
/// every one is a price × quantity or a share of one rounded to that scale, so integer arithmetic
/// books them exactly at a fraction of the cost of decimal. Fees keep whatever decimals they come
/// with, so they stay decimal. Amounts read out are the decimals the same sums would give.
/// </remarks>
internal sealed class PositionBook
{
    private readonly IReadOnlyList<Instrument> instruments;
    private readonly long[] units;
    private readonly Int128[] costBasis;
    private readonly Int128[] realized;
    private readonly long[] openedAt;
    private readonly TradeInProgress[] trades;
    private readonly decimal initialCash;
    private readonly bool initialInUnits;
    private readonly Int128 initialUnits;
    private Int128 tradeCash;
    private Int128 realizedTotal;
    private Int128 costBasisTotal;
    private Int128 feeUnits;
    private bool feesInUnits = true;
    private bool anyFill;

    public PositionBook(IReadOnlyList<Instrument> instruments, decimal initialCash)
    {
        this.instruments = instruments;
        var count = instruments.Count;
        units = new long[count];
        costBasis = new Int128[count];
        realized = new Int128[count];
        openedAt = new long[count];
        trades = new TradeInProgress[count];
        this.initialCash = initialCash;
        initialInUnits = QuoteUnits.TryFromDecimal(initialCash, out initialUnits);
    }

    /// <summary>The initial cash, less fees, plus the cash every fill moved.</summary>
    public decimal Cash
    {
        get
        {
            if (!anyFill)
            {
                return initialCash - TotalFees;
            }

            return TryGetCashUnits(out var cash) ? QuoteUnits.ToDecimal(cash) : initialCash - TotalFees + QuoteUnits.ToDecimal(tradeCash);
        }
    }

    public decimal TotalFees { get; private set; }

    public decimal RealizedPnl => Money(realizedTotal);

    /// <summary>Sum of every open position's cost basis, kept so unrealized PnL is O(1).</summary>
    public decimal TotalCostBasis => Money(costBasisTotal);

    /// <summary>The same sum as <see cref="TotalCostBasis"/>, in units.</summary>
    public Int128 TotalCostBasisUnits => costBasisTotal;

    public int OpenPositionCount { get; private set; }

    public long UnitsHeld(int index) => units[index];

    public Position GetPosition(int index)
    {
        CheckIndex(index);
        return new(instruments[index], Quantity.FromUnits(units[index]), Money(costBasis[index]), Money(realized[index]), openedAt[index]);
    }

    /// <summary>Cash in units, when the initial cash and every fee have at most 16 decimals (false otherwise).</summary>
    public bool TryGetCashUnits(out Int128 cash)
    {
        cash = initialUnits - feeUnits + tradeCash;
        return initialInUnits && feesInUnits;
    }

    public void CheckIndex(int index)
    {
        if ((uint)index >= (uint)units.Length)
        {
            ThrowOutOfRange(index);
        }
    }

    // Out of line, so the check on every mark stays small enough to inline.
    private void ThrowOutOfRange(int index) =>
        throw new ArgumentOutOfRangeException(
            "instrumentIndex", index, $"Instrument index must be in 0..{units.Length - 1}; this book holds {units.Length} instruments.");

    /// <summary>Gross PnL already realized by partial closes of the trade still open in the instrument.</summary>
    public decimal OpenTradeGrossPnl(int index) => units[index] == 0 ? 0m : Money(trades[index].GrossPnl);

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

        anyFill = true;
        TotalFees += fill.Fee;
        if (feesInUnits)
        {
            feesInUnits = QuoteUnits.TryFromDecimal(fill.Fee, out var fee);
            feeUnits += fee;
        }

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
        var notional = (Int128)fill.Price.Units * closingUnits;
        var cashFlow = direction > 0 ? -notional : notional;
        var removedCost = ShareOf(costBasis[index], closingUnits, Math.Abs(held));

        // Realized PnL is defined as proceeds minus exactly the cost that leaves the basis, so
        // cash, cost basis and realized PnL conserve to the last digit whatever the rounding.
        var pnl = cashFlow - removedCost;
        tradeCash += cashFlow;
        costBasis[index] -= removedCost;
        costBasisTotal -= removedCost;
        realized[index] += pnl;
        realizedTotal += pnl;
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

        var notional = (Int128)fill.Price.Units * openingUnits;
        var cashFlow = direction > 0 ? -notional : notional;
        tradeCash += cashFlow;
        costBasis[index] -= cashFlow;
        costBasisTotal -= cashFlow;
        units[index] = checked(units[index] + (direction * openingUnits));
        trade.AddEntry(notional, openingUnits, units[index], fee);
    }

    /// <summary>An amount of units as decimal: zero at scale 0 until the first fill, as decimal sums starting from 0m give it.</summary>
    private decimal Money(Int128 amount) => anyFill ? QuoteUnits.ToDecimal(amount) : 0m;

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
            : Math.Round(amount * ((decimal)part / whole), QuoteUnits.Scale, MidpointRounding.ToEven);
    }

    /// <summary>The same share of an amount in units: exact integer division, rounded half to even.</summary>
    private static Int128 ShareOf(Int128 amount, long part, long whole)
    {
        if (part == whole)
        {
            return amount;
        }

        if (Int128.Abs(amount) > Int128.MaxValue / part)
        {
            // Beyond Int128: only amounts far past decimal's own range get here; round as decimal does.
            return QuoteUnits.TryFromDecimal(ShareOf(QuoteUnits.ToDecimal(amount), part, whole), out var share)
                ? share
                : throw new OverflowException("A cost basis share exceeds the range the accounting can hold exactly.");
        }

        var (quotient, remainder) = Int128.DivRem(amount * part, whole);
        var twice = Int128.Abs(remainder) * 2;
        if (twice > whole || (twice == whole && !Int128.IsEvenInteger(quotient)))
        {
            quotient += Int128.Sign(remainder);
        }

        return quotient;
    }
}
