namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// A tradable pair and the venue's rules for it. Orders are rounded to <see cref="TickSize"/>
/// and <see cref="LotSize"/> explicitly and refused below <see cref="MinNotional"/>.
/// </summary>
public sealed record Instrument
{
    /// <summary>Creates an instrument; every step must be positive.</summary>
    /// <param name="symbol">Venue symbol, e.g. BTCUSDT.</param>
    /// <param name="baseAsset">The asset bought and sold, e.g. BTC.</param>
    /// <param name="quoteAsset">The asset prices and cash are counted in, e.g. USDT.</param>
    /// <param name="tickSize">Smallest price increment.</param>
    /// <param name="lotSize">Smallest quantity increment.</param>
    /// <param name="minNotional">Smallest order value (price × quantity) in the quote asset.</param>
    public Instrument(string symbol, string baseAsset, string quoteAsset, Price tickSize, Quantity lotSize, decimal minNotional)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseAsset);
        ArgumentException.ThrowIfNullOrWhiteSpace(quoteAsset);
        if (tickSize.Units <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tickSize), tickSize, $"{symbol}: tick size must be positive.");
        }

        if (lotSize.Units <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lotSize), lotSize, $"{symbol}: lot size must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(minNotional);
        Symbol = symbol;
        BaseAsset = baseAsset;
        QuoteAsset = quoteAsset;
        TickSize = tickSize;
        LotSize = lotSize;
        MinNotional = minNotional;
    }

    /// <summary>Venue symbol, e.g. BTCUSDT.</summary>
    public string Symbol { get; }

    /// <summary>The asset bought and sold.</summary>
    public string BaseAsset { get; }

    /// <summary>The asset prices, fees and cash are counted in.</summary>
    public string QuoteAsset { get; }

    /// <summary>Smallest price increment.</summary>
    public Price TickSize { get; }

    /// <summary>Smallest quantity increment.</summary>
    public Quantity LotSize { get; }

    /// <summary>Smallest order value in the quote asset.</summary>
    public decimal MinNotional { get; }

    /// <summary>
    /// A spot pair with the finest steps (10^-8) and no minimum: for tests and data sets that do
    /// not say the venue's rules. The symbol is split into base and quote at a known quote asset suffix.
    /// </summary>
    public static Instrument Spot(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        string[] quotes = ["USDT", "USDC", "BUSD", "FDUSD", "USD", "EUR", "BTC", "ETH", "BNB"];
        foreach (var quote in quotes)
        {
            if (symbol.Length > quote.Length && symbol.EndsWith(quote, StringComparison.OrdinalIgnoreCase))
            {
                return new Instrument(symbol, symbol[..^quote.Length], quote, Price.FromUnits(1), Quantity.FromUnits(1), 0m);
            }
        }

        return new Instrument(symbol, symbol, "USD", Price.FromUnits(1), Quantity.FromUnits(1), 0m);
    }

    /// <summary>Rounds a price to the tick size in the stated direction.</summary>
    public Price RoundPrice(Price price, MidpointRounding mode) => price.RoundToTick(TickSize, mode);

    /// <summary>Rounds a quantity to the lot size in the stated direction.</summary>
    public Quantity RoundQuantity(Quantity quantity, MidpointRounding mode) => quantity.RoundToLot(LotSize, mode);

    /// <summary>True when an order of <paramref name="quantity"/> at <paramref name="price"/> is worth at least the minimum notional.</summary>
    public bool MeetsMinNotional(Price price, Quantity quantity) => price.Times(quantity.Abs()) >= MinNotional;

    /// <inheritdoc />
    public override string ToString() => Symbol;
}
