#if (state)
using System.Buffers;
using System.Buffers.Binary;
#endif
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Plugins;
#if (allEvents)
using Microsoft.Extensions.Logging;
#endif

namespace Co.Strategy1;

/// <summary>
/// Donchian channel breakout. Goes long when a bar closes above the highest high of the previous
/// <c>entry-bars</c> bars while the close is at or above its <c>trend-bars</c> simple average, and flat
/// when a bar closes below the lowest low of the previous <c>exit-bars</c> bars.
#if (trades)
/// While long, a public trade at or below the stop (<c>stop-percent</c> under the entry price) exits at once.
#endif
/// It trades the first instrument it sees; one instance per instrument.
/// </summary>
#if (state)
public sealed class Co_Strategy1Strategy : IStrategy, IStatefulPlugin
#else
public sealed class Co_Strategy1Strategy : IStrategy
#endif
{
    private IStrategyContext _context = null!;
    private Sma _trend = null!;
    private BarWindow _window = null!;
    private Instrument? _instrument;
    private int _entryBars;
    private int _exitBars;
    private bool _isLong;
#if (trades)
    private decimal _stopFraction;
    private Price _entryPrice;
#endif

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new()
    {
        Id = "co-plugin-id",
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[__CO_SDK_VERSION__, 1.0.0)",
        Description = "Donchian channel breakout with a moving-average trend filter.",
        Parameters =
        [
            ParameterDefinition.Integer("entry-bars", 20, minimum: 2, maximum: 500, step: 1, description: "Bars whose highest high a close must beat to enter."),
            ParameterDefinition.Integer("exit-bars", 10, minimum: 2, maximum: 500, step: 1, description: "Bars whose lowest low a close must break to exit."),
            ParameterDefinition.Integer("trend-bars", 50, minimum: 1, maximum: 500, step: 1, description: "Bars in the simple average of closes an entry must be at or above; 1 turns the filter off."),
#if (trades)
            ParameterDefinition.Decimal("stop-percent", 2m, minimum: 0.1m, maximum: 50m, step: 0.1m, description: "Protective stop below the entry price, in percent, checked on every public trade."),
#endif
        ],
    };
#if (allEvents)

    /// <summary>The price the stop is measured from: the latest buy fill of the open position; zero when flat.</summary>
    public Price EntryPrice => _entryPrice;

    /// <summary>The reason code of the latest order of this strategy that the pipeline or venue rejected, or null.</summary>
    public string? LastRejection { get; private set; }
#endif

    /// <inheritdoc />
    public void Initialize(IStrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _entryBars = context.Parameters.GetInt32("entry-bars");
        _exitBars = context.Parameters.GetInt32("exit-bars");
        var trendBars = context.Parameters.GetInt32("trend-bars");
        _trend = context.Indicators.Sma(trendBars);
        // The window also holds the closes of the trend average, so that a saved state can rebuild it.
        _window = new BarWindow(Math.Max(Math.Max(_entryBars, _exitBars), trendBars));
#if (trades)
        _stopFraction = context.Parameters.GetDecimal("stop-percent") / 100m;
#endif
    }

    /// <inheritdoc />
    public void OnBar(Instrument instrument, in Bar bar)
    {
        // Hot path: compares exact prices and updates fixed arrays; allocates nothing.
        _instrument ??= instrument;
        if (instrument != _instrument)
        {
            return;
        }

        _trend.Update(bar.Close.ToDouble());
        if (!_isLong && _window.Count >= _entryBars && bar.Close > _window.HighestHigh(_entryBars)
            && _trend.IsReady && bar.Close.ToDouble() >= _trend.Value)
        {
            Enter();
#if (trades)
            _entryPrice = bar.Close;
#endif
        }
        else if (_isLong && _window.Count >= _exitBars && bar.Close < _window.LowestLow(_exitBars))
        {
            Exit("channel-exit");
        }

        _window.Push(bar.High, bar.Low, bar.Close);
    }
#if (trades)

    /// <inheritdoc />
    public void OnTrade(Instrument instrument, in Trade trade)
    {
        if (_isLong && instrument == _instrument && trade.Price.ToDecimal() <= StopPrice)
        {
            Exit("stop");
        }
    }
#endif
#if (allEvents)

    /// <inheritdoc />
    public void OnQuote(Instrument instrument, in Quote quote)
    {
        // The bid is what a sale would get: once it is at the stop, waiting for a trade print only costs.
        if (_isLong && instrument == _instrument && quote.Bid.ToDecimal() <= StopPrice)
        {
            Exit("stop");
        }
    }

    /// <inheritdoc />
    public void OnOrderUpdate(in OrderSnapshot order)
    {
        if (order.Status != OrderStatus.Rejected)
        {
            return;
        }

        LastRejection = order.Reason;
        _context.Logger.LogWarning("Order {OrderId} was rejected: {Reason}", order.Id, order.Reason);
        if (order.Request.Side == OrderSide.Buy && order.FilledQuantity.IsZero)
        {
            // The entry never happened: stand aside, so that the next breakout can try again.
            _isLong = false;
        }
    }

    /// <inheritdoc />
    public void OnFill(in Fill fill)
    {
        if (fill.Side == OrderSide.Buy && _isLong)
        {
            // The stop is measured from what the position really cost, not from the signal's close.
            _entryPrice = fill.Price;
        }
    }
#endif

#if (trades)
    /// <summary>Exact: a decimal product of the entry price, compared with exact trade prices.</summary>
    private decimal StopPrice => _entryPrice.ToDecimal() * (1m - _stopFraction);

#endif
    private void Enter()
    {
        _isLong = true;
        _context.Emit(new Signal(_instrument!, SignalDirection.Long, Tag: "breakout"));
    }

    private void Exit(string reason)
    {
        _isLong = false;
#if (trades)
        _entryPrice = Price.Zero;
#endif
        _context.Emit(new Signal(_instrument!, SignalDirection.Flat, Tag: reason));
    }
#if (state)

    /// <inheritdoc />
    public int StateVersion => 1;

    /// <inheritdoc />
    public void SaveState(IBufferWriter<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        // Layout v1: position flag, entry price units, then the window oldest first (count, then high, low, close units per bar).
        var size = 1 + sizeof(long) + sizeof(int) + (_window.Count * 3 * sizeof(long));
        var span = payload.GetSpan(size);
        span[0] = _isLong ? (byte)1 : (byte)0;
#if (trades)
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], _entryPrice.Units);
#else
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], 0);
#endif
        BinaryPrimitives.WriteInt32LittleEndian(span[9..], _window.Count);
        var offset = 13;
        for (var i = 0; i < _window.Count; i++)
        {
            var (high, low, close) = _window[i];
            BinaryPrimitives.WriteInt64LittleEndian(span[offset..], high.Units);
            BinaryPrimitives.WriteInt64LittleEndian(span[(offset + 8)..], low.Units);
            BinaryPrimitives.WriteInt64LittleEndian(span[(offset + 16)..], close.Units);
            offset += 24;
        }

        payload.Advance(size);
    }

    /// <inheritdoc />
    public void RestoreState(int version, ReadOnlySpan<byte> payload)
    {
        if (version != StateVersion)
        {
            throw new NotSupportedException($"{Metadata.Id}: cannot read state version {version}; this build reads version {StateVersion}.");
        }

        var count = payload.Length >= 13 ? BinaryPrimitives.ReadInt32LittleEndian(payload[9..]) : -1;
        if (count < 0 || count > _window.Capacity || payload.Length != 13 + (count * 24))
        {
            throw new InvalidDataException($"{Metadata.Id}: state payload of {payload.Length} bytes does not match layout version {version}.");
        }

        _isLong = payload[0] == 1;
#if (trades)
        _entryPrice = Price.FromUnits(BinaryPrimitives.ReadInt64LittleEndian(payload[1..]));
#endif
        for (var offset = 13; offset < payload.Length; offset += 24)
        {
            var close = Price.FromUnits(BinaryPrimitives.ReadInt64LittleEndian(payload[(offset + 16)..]));
            _window.Push(
                Price.FromUnits(BinaryPrimitives.ReadInt64LittleEndian(payload[offset..])),
                Price.FromUnits(BinaryPrimitives.ReadInt64LittleEndian(payload[(offset + 8)..])),
                close);
            // Re-fed oldest first, the trend average ends on the same closes as the saved instance's.
            _trend.Update(close.ToDouble());
        }
    }
#endif
}
