using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// The order every case sends, shaped by the venue's instrument: a buy limit at 100 plus 37 ticks (off round
/// numbers, so a price the adapter rounds shows), of at least five lots and the minimum notional, and the two
/// venue fills that make it up in unequal parts at prices below the limit (so an adapter that reports the
/// cumulative quantity, or the limit instead of the execution price, shows too).
/// </summary>
internal sealed class ConformanceOrder
{
    private const int MinimumLots = 5;

    public ConformanceOrder(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Instrument = instrument;
        var tick = instrument.TickSize;
        LimitPrice = instrument.RoundPrice(Price.FromDecimal(100m), MidpointRounding.ToPositiveInfinity) + Price.FromUnits(checked(tick.Units * 37));
        var lotValue = LimitPrice.Times(instrument.LotSize);
        var lots = Math.Max(MinimumLots, (long)Math.Ceiling(instrument.MinNotional / lotValue));
        Quantity = Quantity.FromUnits(checked(instrument.LotSize.Units * lots));
        FirstFill = Quantity.FromUnits(instrument.LotSize.Units * (lots * 2 / 5));
        SecondFill = Quantity - FirstFill;
        FirstFillPrice = LimitPrice - tick;
        SecondFillPrice = LimitPrice - tick - tick;
    }

    public Instrument Instrument { get; }

    public Price LimitPrice { get; }

    public Quantity Quantity { get; }

    public Quantity FirstFill { get; }

    public Price FirstFillPrice { get; }

    public Quantity SecondFill { get; }

    public Price SecondFillPrice { get; }

    /// <summary>The order as the order manager hands it to an adapter: status New, nothing filled.</summary>
    public OrderSnapshot Snapshot(ClientOrderId id, long now) => new(
        id,
        OrderRequest.Limit(Instrument, OrderSide.Buy, Quantity, LimitPrice) with { ClientOrderId = id },
        OrderStatus.New,
        Quantity.Zero,
        0m,
        now,
        null);

    /// <summary>What the venue should hold once the adapter has placed it.</summary>
    public VenueOrder AtVenue(ClientOrderId id) => new(id, OrderSide.Buy, OrderType.Limit, Quantity, LimitPrice);
}
