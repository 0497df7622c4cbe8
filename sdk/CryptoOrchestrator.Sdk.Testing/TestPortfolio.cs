using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// An account a test writes by hand for a risk rule (or anything else reading an <see cref="IPortfolioView"/>):
/// cash, positions and the latest price of each instrument. Equity is cash plus each position at its mark, or at
/// its cost basis while it has none. Instruments are told apart by symbol.
/// </summary>
public sealed class TestPortfolio : IPortfolioView
{
    private readonly Dictionary<string, Position> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Price> _marks = new(StringComparer.Ordinal);

    /// <summary>Cash in the quote asset; 10,000 until set, as a harness account starts.</summary>
    public decimal Cash { get; set; } = 10_000m;

    /// <inheritdoc />
    public decimal Equity
    {
        get
        {
            var equity = Cash;
            foreach (var (symbol, position) in _positions)
            {
                equity += _marks.TryGetValue(symbol, out var mark) ? position.MarketValue(mark) : position.CostBasis;
            }

            return equity;
        }
    }

    /// <summary>
    /// Holds <paramref name="quantity"/> of <paramref name="instrument"/> (negative for a short) bought at
    /// <paramref name="averagePrice"/>, which also becomes its mark unless one is set. Zero makes it flat.
    /// </summary>
    public TestPortfolio SetPosition(Instrument instrument, decimal quantity, decimal averagePrice)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var price = PositivePrice.From(averagePrice, nameof(averagePrice));
        var held = Quantity.FromDecimal(quantity);
        _marks.TryAdd(instrument.Symbol, price);
        return SetPosition(new Position(instrument, held, price.Times(held), 0m, 0));
    }

    /// <summary>Holds exactly <paramref name="position"/> (its cost basis, realized PnL and opening time as given).</summary>
    public TestPortfolio SetPosition(in Position position)
    {
        ArgumentNullException.ThrowIfNull(position.Instrument, nameof(position));
        if (position.IsFlat)
        {
            _positions.Remove(position.Instrument.Symbol);
        }
        else
        {
            _positions[position.Instrument.Symbol] = position;
        }

        return this;
    }

    /// <summary>Sets the latest price of <paramref name="instrument"/>.</summary>
    public TestPortfolio SetMark(Instrument instrument, decimal price)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        _marks[instrument.Symbol] = PositivePrice.From(price, nameof(price));
        return this;
    }

    /// <inheritdoc />
    public Position GetPosition(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return _positions.TryGetValue(instrument.Symbol, out var position) ? position : new Position(instrument, Quantity.Zero, 0m, 0m, 0);
    }

    /// <inheritdoc />
    public Price LastPrice(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return _marks.GetValueOrDefault(instrument.Symbol);
    }
}
