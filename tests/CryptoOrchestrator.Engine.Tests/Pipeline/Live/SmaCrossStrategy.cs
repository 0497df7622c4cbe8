using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

/// <summary>
/// A plain (not stateful) moving-average crossover: long while SMA(3) is above SMA(8), short
/// below, signalling only on a change. All it knows it derives from the last <see cref="Lookback"/>
/// bars, so a replacement re-fed that many bars acts exactly as the instance it replaces.
/// </summary>
internal sealed class SmaCrossStrategy : IStrategy
{
    public const int Lookback = 8;

    private IStrategyContext _context = null!;
    private Sma _fast = null!;
    private Sma _slow = null!;
    private SignalDirection _last = SignalDirection.Flat;

    public PluginMetadata Metadata { get; } = TestMetadata.For("sma-cross");

    public void Initialize(IStrategyContext context)
    {
        _context = context;
        _fast = context.Indicators.Sma(3);
        _slow = context.Indicators.Sma(Lookback);
    }

    public void OnBar(Instrument instrument, in Bar bar)
    {
        _fast.Update(bar.Close.ToDouble());
        _slow.Update(bar.Close.ToDouble());
        if (!_slow.IsReady)
        {
            return;
        }

        var direction = _fast.Value > _slow.Value ? SignalDirection.Long : SignalDirection.Short;
        if (direction != _last)
        {
            _last = direction;
            _context.Emit(new Signal(instrument, direction));
        }
    }
}
