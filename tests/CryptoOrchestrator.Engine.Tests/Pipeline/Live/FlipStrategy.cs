using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

/// <summary>
/// Busy and allocation-free: flips long and short every 7 bars by signal, or (with limits) keeps a
/// limit order near the close, cancelling it after two bars. Plenty of orders, fills and trades.
/// </summary>
internal sealed class FlipStrategy(string id, bool limits = false) : IStrategy
{
    private IStrategyContext _context = null!;
    private ClientOrderId _working;
    private int _bar;

    public PluginMetadata Metadata { get; } = TestMetadata.For(id);

    public void Initialize(IStrategyContext context) => _context = context;

    public void OnBar(Instrument instrument, in Bar bar)
    {
        var flip = (_bar++ / 7) % 2 == 0;
        if (!limits)
        {
            if (_bar % 7 == 1)
            {
                _context.Emit(new Signal(instrument, flip ? SignalDirection.Long : SignalDirection.Short));
            }

            return;
        }

        if (!_working.IsNone && _bar % 3 == 0)
        {
            _context.Cancel(_working);
            _working = ClientOrderId.None;
        }

        if (_working.IsNone)
        {
            var side = flip ? OrderSide.Buy : OrderSide.Sell;
            var offset = Price.FromDecimal(5m);
            _working = _context.Submit(OrderRequest.Limit(instrument, side, Quantity.FromDecimal(0.1m), flip ? bar.Close - offset : bar.Close + offset));
        }
    }

    public void OnOrderUpdate(in OrderSnapshot order)
    {
        if (order.Id == _working && order.IsFinal)
        {
            _working = ClientOrderId.None;
        }
    }
}
