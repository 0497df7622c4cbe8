using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// Fans pipeline events out to sinks. Sinks are held in an array walked with a for loop:
/// publishing allocates nothing and costs nothing when nobody listens (the benchmark's case).
/// </summary>
public sealed class EngineEventBus
{
    private IEngineEventSink[] _sinks = [];

    /// <summary>True when at least one sink is subscribed.</summary>
    public bool HasSinks => _sinks.Length > 0;

    /// <summary>Adds a sink; not thread-safe, subscribe before the run starts.</summary>
    public void Subscribe(IEngineEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sinks = [.. _sinks, sink];
    }

    internal void Bar(Instrument instrument, in Bar bar)
    {
        foreach (var sink in _sinks)
        {
            sink.OnBar(instrument, bar);
        }
    }

    internal void Signal(string strategyId, in Signal signal)
    {
        foreach (var sink in _sinks)
        {
            sink.OnSignal(strategyId, signal);
        }
    }

    internal void OrderUpdate(string ownerId, in OrderSnapshot order)
    {
        foreach (var sink in _sinks)
        {
            sink.OnOrderUpdate(ownerId, order);
        }
    }

    internal void Fill(string ownerId, in Fill fill)
    {
        foreach (var sink in _sinks)
        {
            sink.OnFill(ownerId, fill);
        }
    }

    internal void TradeClosed(string ownerId, in ClosedTrade trade)
    {
        foreach (var sink in _sinks)
        {
            sink.OnTradeClosed(ownerId, trade);
        }
    }

    internal void Equity(long time, decimal equity)
    {
        foreach (var sink in _sinks)
        {
            sink.OnEquity(time, equity);
        }
    }
}
