using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>
/// A backtest venue that fills orders against bars: market, limit, stop-market and stop-limit
/// orders, GTC/IOC/FOK, maker and taker fees and a pluggable slippage model.
/// </summary>
/// <remarks>
/// <para>
/// Rules (see <see cref="OnBar"/>): limits fill only when a bar trades through them; stops trigger
/// when a bar reaches them; prices are rounded to the tick against the trader; fees are rounded up.
/// Fills priced at a bar's open carry its open time, other fills its close time (the moment the
/// bar shows they happened).
/// </para>
/// <para>
/// Reduce-only orders: the exchange cannot see positions, so the flag is carried on the order but
/// enforced by the pipeline before submission (it knows the position the order would reduce).
/// </para>
/// <para>
/// Hot path: <see cref="OnBar"/>, <see cref="Submit"/> and <see cref="Cancel"/> are allocation-free in
/// steady state (pre-sized order lists compacted in place; literal reason codes). An instrument's
/// book is created when the instrument is first seen. Events are raised synchronously; the receiver
/// may call <see cref="Cancel"/> or <see cref="Submit"/> from inside them.
/// </para>
/// </remarks>
public sealed class SimulatedExchange : IExchange
{
    private static readonly PluginMetadata SimulatedMetadata = new()
    {
        Id = "simulated-exchange",
        Version = "0.1.0",
        Kind = PluginKind.Exchange,
        SdkVersionRange = "[0.1.0, 1.0.0)",
        Description = "Fills orders against historical bars with configurable fill timing, fees and slippage.",
    };

    private readonly SimulatedExchangeOptions _options;
    private readonly Dictionary<Instrument, InstrumentBook> _books = new(8);
    private readonly Dictionary<long, InstrumentBook> _bookByOrderId = new(256);
    private IExchangeEvents? _events;
    private InstrumentBook? _lastBook;
    private bool _matching;

    /// <summary>Creates the exchange with fixed fill timing, commission and slippage.</summary>
    public SimulatedExchange(SimulatedExchangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Commission is null || options.Slippage is null)
        {
            throw new ArgumentException("Simulated exchange options need a commission schedule and a slippage model.", nameof(options));
        }

        if (!Enum.IsDefined(options.FillTiming))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FillTiming, "Unknown fill timing.");
        }

        _options = options;
    }

    /// <inheritdoc />
    public PluginMetadata Metadata => SimulatedMetadata;

    /// <summary>How many orders are working (accepted, not yet final) across all instruments.</summary>
    public int RestingOrderCount => _bookByOrderId.Count;

    private IExchangeEvents Events =>
        _events ?? throw new InvalidOperationException("The simulated exchange is not connected: call Connect first.");

    /// <inheritdoc />
    /// <remarks>Uses nothing from <paramref name="context"/>: the bars carry the time, so a minimal context will do.</remarks>
    public void Connect(IPluginContext context, IExchangeEvents events)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        _events = events;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Acknowledges the order (Accepted) or refuses it (Rejected: malformed, price off tick, quantity
    /// off lot, id already working). With <see cref="FillTiming.SignalClose"/> a market order then
    /// fills at once at the current bar's close; everything else waits for the next bar.
    /// </remarks>
    public void Submit(in OrderSnapshot order)
    {
        var events = Events;
        if (order.Status != OrderStatus.New)
        {
            throw new ArgumentException($"Order {order.Id} was submitted with status {order.Status}; only New orders can be sent.", nameof(order));
        }

        var rejection = RejectionReason(order);
        if (rejection is not null)
        {
            events.OnOrderStatus(order.Id, OrderStatus.Rejected, rejection);
            return;
        }

        var request = order.Request with { ClientOrderId = order.Id };
        var book = BookFor(request.Instrument);
        var resting = new RestingOrder
        {
            Request = request,
            Remaining = order.RemainingQuantity,
            Active = true,
            MarketableOnArrival = request.Type == OrderType.Limit && book.HasBar && CrossesLastPrice(request, book.CurrentBar.Close),
        };
        book.Add(resting, _matching);
        _bookByOrderId.Add(order.Id.Value, book);
        events.OnOrderStatus(order.Id, OrderStatus.Accepted, null);

        // While a bar is being matched its close is not yet the current one: such orders wait for the next bar.
        if (request.Type == OrderType.Market && _options.FillTiming == FillTiming.SignalClose && book.HasBar && !_matching)
        {
            // Found again by id: whoever heard "accepted" may have cancelled it or added orders meanwhile.
            var index = book.IndexOfActive(order.Id);
            if (index >= 0)
            {
                Evaluate(book, index, book.CurrentBar, book.CurrentBar.CloseTime);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Reports Cancelled at once. An order the exchange no longer holds (filled, expired, rejected)
    /// is left alone: its final status has already been reported.
    /// </remarks>
    public void Cancel(ClientOrderId id)
    {
        var events = Events;
        if (!_bookByOrderId.Remove(id.Value, out var book))
        {
            return;
        }

        var index = book.IndexOfActive(id);
        book.Orders[index].Active = false;
        events.OnOrderStatus(id, OrderStatus.Cancelled, OrderRejectReasons.CancelRequested);
    }

    /// <summary>
    /// Matches the instrument's resting orders against <paramref name="bar"/>, oldest first, then makes it
    /// the current bar. Call it when the bar arrives, before strategies see it. Market orders fill at the
    /// open (or, under <see cref="FillTiming.SignalClose"/>, at the close) plus slippage, as takers. A buy
    /// limit fills only if the low is below the limit, at the lower of the open and the limit (a sell
    /// mirrors it with the high); it is a maker unless it crossed the last price on arrival. A buy stop
    /// triggers when the high reaches the stop and fills at the higher of the open and the stop plus
    /// slippage; a stop-limit triggered through its limit fills there, otherwise rests as a limit from the
    /// next bar. IOC and FOK orders expire after the first bar they meet (FOK without any fill unless it
    /// fills completely). The slippage model caps how much can fill per bar; the rest waits for later bars.
    /// </summary>
    public void OnBar(Instrument instrument, in Bar bar) => Advance(instrument, bar, isTrade: false);

    /// <summary>
    /// Matches the instrument's resting orders against one public trade, as a one-price bar: open, high,
    /// low and close are the trade's price, volume its quantity, open and close time its time (so every
    /// rule of <see cref="OnBar"/> applies: a buy limit fills only when the trade prints below it, at the
    /// trade's price). Trades of the same millisecond may follow one another; nothing older may.
    /// </summary>
    public void OnTrade(Instrument instrument, in Trade trade)
    {
        var print = new Bar(trade.Time, trade.Time, trade.Price, trade.Price, trade.Price, trade.Price, trade.Quantity);
        Advance(instrument, print, isTrade: true);
    }

    private void Advance(Instrument instrument, in Bar bar, bool isTrade)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (_matching)
        {
            throw new InvalidOperationException($"{instrument}: OnBar was called again while the exchange was matching a bar.");
        }

        var inconsistency = bar.Inconsistency();
        if (inconsistency is not null)
        {
            throw new ArgumentException($"{instrument}: the bar opening at {bar.OpenTime} is impossible: {inconsistency}.", nameof(bar));
        }

        var book = BookFor(instrument);
        if (book.HasBar && (bar.OpenTime < book.CurrentBar.OpenTime || (bar.OpenTime == book.CurrentBar.OpenTime && !isTrade)))
        {
            throw new ArgumentException(
                $"{instrument}: the bar opening at {bar.OpenTime} does not follow the current bar, which opened at {book.CurrentBar.OpenTime}.",
                nameof(bar));
        }

        book.VolumeTaken = Quantity.Zero;
        if (book.Count > 0)
        {
            Match(book, bar);
        }

        book.SetCurrentBar(bar);
    }

    /// <summary>Matches every resting order against a new bar, oldest first, then drops the finished ones.</summary>
    private void Match(InstrumentBook book, in Bar bar)
    {
        _matching = true;
        try
        {
            // Orders submitted from inside a fill event arrive after this bar was known to them: they wait for the next one.
            var count = book.Count;
            for (var i = 0; i < count; i++)
            {
                Evaluate(book, i, bar, bar.OpenTime);
            }
        }
        finally
        {
            _matching = false;
        }

        book.Compact();
    }

    /// <summary>
    /// Matches one order. Every fill found while a new bar is matched carries that bar's open time,
    /// whatever price inside the bar it took, so fill times never run backwards within a bar; a
    /// signal-close fill carries the close time of the bar it was placed on.
    /// </summary>
    private void Evaluate(InstrumentBook book, int index, in Bar bar, long fillTime)
    {
        // Worked on in place (a copy costs more than the matching). The reference is only valid until the
        // first event: the receiver may submit, which can replace the array. So everything is settled first.
        ref var order = ref book.Orders[index];
        if (!order.Active)
        {
            return;
        }

        var matched = BarMatching.TryMatch(ref order, bar, _options.FillTiming, out var reference, out var liquidity);
        order.Evaluated = true;
        var quantity = matched ? Available(book, bar, order.Remaining) : Quantity.Zero;
        var timeInForce = order.Request.TimeInForce;
        if (timeInForce == TimeInForce.Fok && quantity != order.Remaining)
        {
            quantity = Quantity.Zero;
        }

        var id = order.Id;
        var fill = default(Fill);
        if (!quantity.IsZero)
        {
            ref readonly var request = ref order.Request;
            book.VolumeTaken += quantity;
            var price = FillPrice(request, reference, liquidity, bar, book.VolumeTaken);
            var fee = _options.Commission.Fee(price.Times(quantity), liquidity, !order.HasFilled);
            fill = new Fill(id, request.Instrument, request.Side, price, quantity, fee, request.Instrument.QuoteAsset, liquidity, fillTime);
            order.Remaining -= quantity;
            order.HasFilled = true;
        }

        var expires = timeInForce != TimeInForce.Gtc && !order.Remaining.IsZero;
        if (order.Remaining.IsZero || expires)
        {
            order.Active = false;
            _bookByOrderId.Remove(id.Value);
        }

        if (!quantity.IsZero)
        {
            Events.OnFill(fill);
        }

        if (expires)
        {
            var reason = timeInForce == TimeInForce.Fok ? OrderRejectReasons.FillOrKillExpired : OrderRejectReasons.ImmediateOrCancelExpired;
            Events.OnOrderStatus(id, OrderStatus.Expired, reason);
        }
    }

    /// <summary>What the bar can still supply to this order, on the lot; the model sees the bar's fills so far plus this one.</summary>
    private Quantity Available(InstrumentBook book, in Bar bar, Quantity remaining)
    {
        var taken = book.VolumeTaken;
        var available = _options.Slippage.MaxFill(bar, taken + remaining) - taken;
        if (available.Units <= 0)
        {
            return Quantity.Zero;
        }

        return book.Instrument.RoundQuantity(Quantity.Min(available, remaining), MidpointRounding.ToZero);
    }

    private Price FillPrice(in OrderRequest request, Price reference, Liquidity liquidity, in Bar bar, Quantity volumeTaken)
    {
        var instrument = request.Instrument;
        var price = liquidity == Liquidity.Taker
            ? _options.Slippage.Adjust(request.Side, reference, bar, volumeTaken, instrument)
            : reference;

        // Rounded again in case a custom model returns a price off the tick; a no-op on tick.
        price = TickRounding.AgainstTrader(request.Side, price, instrument);
        if (request.Type is OrderType.Limit or OrderType.StopLimit)
        {
            // Slippage never takes a limit order past its limit.
            price = request.Side == OrderSide.Buy ? Price.Min(price, request.LimitPrice) : Price.Max(price, request.LimitPrice);
        }

        return price;
    }

    private string? RejectionReason(in OrderSnapshot order)
    {
        var request = order.Request;
        if (request.Malformation() is not null)
        {
            return OrderRejectReasons.Malformed;
        }

        if (_bookByOrderId.ContainsKey(order.Id.Value))
        {
            return OrderRejectReasons.DuplicateClientOrderId;
        }

        var tick = request.Instrument.TickSize;
        if ((!request.LimitPrice.IsZero && !request.LimitPrice.IsMultipleOf(tick)) || (!request.StopPrice.IsZero && !request.StopPrice.IsMultipleOf(tick)))
        {
            return OrderRejectReasons.PriceNotOnTick;
        }

        return order.RemainingQuantity.IsMultipleOf(request.Instrument.LotSize) ? null : OrderRejectReasons.QuantityNotOnLot;
    }

    private static bool CrossesLastPrice(in OrderRequest request, Price lastPrice) =>
        request.Side == OrderSide.Buy ? request.LimitPrice > lastPrice : request.LimitPrice < lastPrice;

    private InstrumentBook BookFor(Instrument instrument)
    {
        // Callers pass the same instrument object bar after bar: a reference check spares hashing the record.
        if (_lastBook is not null && ReferenceEquals(_lastBook.Instrument, instrument))
        {
            return _lastBook;
        }

        if (!_books.TryGetValue(instrument, out var book))
        {
            book = new InstrumentBook(instrument);
            _books.Add(instrument, book);
        }

        _lastBook = book;
        return book;
    }
}
