using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Accounting;

/// <summary>
/// The account: cash in the quote asset, one position per instrument (cost-basis model), fees,
/// realized and unrealized PnL, and a ledger per owner booked with the same accounting.
/// Instruments are addressed by index into arrays sized once, so <see cref="ApplyFill"/> and
/// <see cref="Mark"/> allocate nothing in steady state.
/// </summary>
/// <remarks>
/// Exact in decimal after every fill and mark: Equity = Cash + Σ quantity × last price;
/// Equity − InitialCash = RealizedPnl + UnrealizedPnl − TotalFees; and the owners' ledger
/// equities add up to Equity − InitialCash.
/// </remarks>
public sealed class Portfolio : IPortfolioView
{
    /// <summary>Instruments found by reference before the symbol is hashed: a hash costs about as much as this many comparisons.</summary>
    private const int DirectLookups = 8;

    private readonly Instrument[] instruments;
    private readonly Dictionary<string, int> indexBySymbol;
    private readonly PositionBook book;
    private readonly StrategyLedger[] ledgers;
    private readonly Price[] lastPrices;
    private readonly Int128[] marketValues;
    private Int128 marketValueSum;
    private bool anyValued;
    private Int128 cashUnits;
    private bool cashInUnits;

    /// <summary>Creates an account holding <paramref name="initialCash"/> and no positions.</summary>
    /// <param name="initialCash">Starting cash in the quote asset; not negative.</param>
    /// <param name="instruments">Every instrument that may trade, each symbol once; their order defines the instrument index.</param>
    /// <param name="owners">Number of strategy slots (0..owners-1); owner -1, the pipeline itself, always has a ledger too.</param>
    public Portfolio(decimal initialCash, IReadOnlyList<Instrument> instruments, int owners)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialCash);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentOutOfRangeException.ThrowIfNegative(owners);

        this.instruments = new Instrument[instruments.Count];
        indexBySymbol = new Dictionary<string, int>(instruments.Count, StringComparer.Ordinal);
        for (var i = 0; i < instruments.Count; i++)
        {
            var instrument = instruments[i]
                ?? throw new ArgumentException($"Instrument at index {i} is null.", nameof(instruments));
            if (!indexBySymbol.TryAdd(instrument.Symbol, i))
            {
                throw new ArgumentException($"Instrument {instrument.Symbol} is listed twice.", nameof(instruments));
            }

            this.instruments[i] = instrument;
        }

        InitialCash = initialCash;
        book = new PositionBook(this.instruments, initialCash);
        lastPrices = new Price[this.instruments.Length];
        marketValues = new Int128[this.instruments.Length];
        MirrorCash();
        ledgers = new StrategyLedger[owners + 1];
        for (var owner = -1; owner < owners; owner++)
        {
            ledgers[owner + 1] = new StrategyLedger(owner, this.instruments, lastPrices);
        }
    }

    /// <summary>Receives every round trip of the account as a whole, tagged with the owner whose fill opened it.</summary>
    public IClosedTradeListener? TradeListener { get; set; }

    /// <summary>The instruments, in index order.</summary>
    public IReadOnlyList<Instrument> Instruments => instruments;

    /// <summary>Number of strategy slots (ledgers exist for -1..OwnerCount-1).</summary>
    public int OwnerCount => ledgers.Length - 1;

    /// <summary>Cash the account started with.</summary>
    public decimal InitialCash { get; }

    /// <summary>Cash in the quote asset, after every fill's notional and fee.</summary>
    public decimal Cash => book.Cash;

    /// <summary>Cash plus every position at its last price. O(1).</summary>
    public decimal Equity
    {
        get
        {
            if (!anyValued)
            {
                return book.Cash;
            }

            // Read every bar: one integer addition when the cash is on the money scale, as it is once fees are.
            return cashInUnits ? QuoteUnits.ToDecimal(cashUnits + marketValueSum) : book.Cash + MarketValue;
        }
    }

    /// <summary>Every fee paid.</summary>
    public decimal TotalFees => book.TotalFees;

    /// <summary>Profit realized by closing fills, before fees.</summary>
    public decimal RealizedPnl => book.RealizedPnl;

    /// <summary>Market value minus cost basis of the open positions, before fees. O(1).</summary>
    public decimal UnrealizedPnl => anyValued ? QuoteUnits.ToDecimal(marketValueSum - book.TotalCostBasisUnits) : 0m;

    /// <summary>Signed sum of the positions' market values (longs minus shorts). O(1).</summary>
    public decimal NetExposure => MarketValue;

    /// <summary>Sum of the absolute market values of the positions. O(instruments).</summary>
    public decimal GrossExposure
    {
        get
        {
            // Summed on request: keeping it current would cost every mark more work.
            Int128 gross = 0;
            foreach (var value in marketValues)
            {
                gross += Int128.Abs(value);
            }

            return anyValued ? QuoteUnits.ToDecimal(gross) : 0m;
        }
    }

    /// <summary>True when any instrument is held, long or short.</summary>
    public bool HasOpenPosition => book.OpenPositionCount > 0;

    /// <summary>The index of <paramref name="instrument"/>; throws naming the symbol when it is not in this portfolio.</summary>
    public int IndexOf(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);

        // Orders and fills pass the very instrument objects the portfolio holds: a reference check spares hashing the symbol.
        for (var i = 0; i < instruments.Length && i < DirectLookups; i++)
        {
            if (ReferenceEquals(instruments[i], instrument))
            {
                return i;
            }
        }

        return indexBySymbol.TryGetValue(instrument.Symbol, out var index)
            ? index
            : throw new ArgumentException(
                $"Instrument {instrument.Symbol} is not in this portfolio (it holds {string.Join(", ", indexBySymbol.Keys)}).",
                nameof(instrument));
    }

    /// <summary>
    /// Books a fill for <paramref name="owner"/>: cash, position, cost basis, fee and realized PnL, in the
    /// portfolio and in the owner's ledger, then revalues the instrument at the fill price. A fill
    /// that takes a position through zero closes one trade and opens the next.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown instrument, non-positive price or quantity, a price
    /// or quantity off the instrument's tick or lot, a fee in an asset other than the quote asset, or an
    /// owner outside -1..OwnerCount-1; nothing is booked.</exception>
    public void ApplyFill(in Fill fill, int owner, int barIndex)
    {
        if (fill.Instrument is null)
        {
            throw new ArgumentException($"Fill of order {fill.OrderId} names no instrument.", nameof(fill));
        }

        var index = IndexOf(fill.Instrument);
        FillValidation.Check(fill, instruments[index]);
        if (owner < -1 || owner >= OwnerCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(owner), owner, $"Fill of order {fill.OrderId} in {fill.Instrument.Symbol}: owner must be in -1..{OwnerCount - 1}.");
        }

        book.Book(index, fill, owner, barIndex, TradeListener);
        var ledger = ledgers[owner + 1];
        ledger.Book.Book(index, fill, owner, barIndex, ledger.TradeListener);
        lastPrices[index] = fill.Price;
        MirrorCash();
        Revalue(index);
    }

    /// <summary>
    /// Marks the instrument at <paramref name="price"/>. Hot path: O(1) and allocation-free; the running
    /// market value moves by the change in this one instrument's value.
    /// </summary>
    public void Mark(int instrumentIndex, Price price)
    {
        book.CheckIndex(instrumentIndex);
        if (price.Units <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(price), price, $"Mark price of {instruments[instrumentIndex].Symbol} must be positive.");
        }

        lastPrices[instrumentIndex] = price;
        Revalue(instrumentIndex);
    }

    /// <summary>The account's position in the instrument at <paramref name="instrumentIndex"/>.</summary>
    public Position GetPosition(int instrumentIndex) => book.GetPosition(instrumentIndex);

    /// <summary>The signed quantity held in the instrument at <paramref name="instrumentIndex"/>: the position without its money, for order sizing.</summary>
    public Quantity PositionQuantity(int instrumentIndex)
    {
        book.CheckIndex(instrumentIndex);
        return Quantity.FromUnits(book.UnitsHeld(instrumentIndex));
    }

    /// <inheritdoc />
    public Position GetPosition(Instrument instrument) => book.GetPosition(IndexOf(instrument));

    /// <summary>The latest mark or fill price of the instrument at <paramref name="instrumentIndex"/>, zero before the first.</summary>
    public Price LastPrice(int instrumentIndex)
    {
        book.CheckIndex(instrumentIndex);
        return lastPrices[instrumentIndex];
    }

    /// <inheritdoc />
    public Price LastPrice(Instrument instrument) => lastPrices[IndexOf(instrument)];

    /// <summary>The ledger of <paramref name="owner"/> (-1..OwnerCount-1).</summary>
    public StrategyLedger Ledger(int owner)
    {
        if (owner < -1 || owner >= OwnerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(owner), owner, $"Owner must be in -1..{OwnerCount - 1}.");
        }

        return ledgers[owner + 1];
    }

    /// <summary>Gross PnL already realized by partial closes of the trade still open in the instrument.</summary>
    public decimal OpenTradeGrossPnl(int instrumentIndex)
    {
        book.CheckIndex(instrumentIndex);
        return book.OpenTradeGrossPnl(instrumentIndex);
    }

    /// <summary>Fees already paid on the trade still open in the instrument.</summary>
    public decimal OpenTradeFees(int instrumentIndex)
    {
        book.CheckIndex(instrumentIndex);
        return book.OpenTradeFees(instrumentIndex);
    }

    /// <summary>The running sum in decimal; zero at scale 0 until anything was valued, as decimal sums would give it.</summary>
    private decimal MarketValue => anyValued ? QuoteUnits.ToDecimal(marketValueSum) : 0m;

    /// <summary>
    /// Market values are exact products of two 8-decimal numbers, kept as integer counts of 10^-16:
    /// the per-bar update is then two integer operations instead of a multiplication and two decimal additions.
    /// </summary>
    private void Revalue(int index)
    {
        var value = (Int128)lastPrices[index].Units * book.UnitsHeld(index);
        marketValueSum += value - marketValues[index];
        marketValues[index] = value;
        anyValued = true;
    }

    /// <summary>Keeps cash as units too while it has at most 16 decimals (fees usually have 8), so equity needs no decimal addition.</summary>
    private void MirrorCash() => cashInUnits = book.TryGetCashUnits(out cashUnits);
}
