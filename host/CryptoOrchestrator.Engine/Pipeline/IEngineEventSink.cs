using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// A subscriber to what the pipeline does: result writers, persistence, live streams. Every
/// method has an empty default so a sink implements only what it needs. Called on the pipeline
/// thread, in event order; a slow sink slows the run, so sinks that do I/O should buffer.
/// </summary>
public interface IEngineEventSink
{
    /// <summary>A bar was processed for <paramref name="instrument"/>.</summary>
    void OnBar(Instrument instrument, in Bar bar)
    {
    }

    /// <summary>A strategy expressed a view.</summary>
    void OnSignal(string strategyId, in Signal signal)
    {
    }

    /// <summary>An order changed status; <paramref name="ownerId"/> is the strategy id or "pipeline".</summary>
    void OnOrderUpdate(string ownerId, in OrderSnapshot order)
    {
    }

    /// <summary>An order filled.</summary>
    void OnFill(string ownerId, in Fill fill)
    {
    }

    /// <summary>A round-trip trade closed.</summary>
    void OnTradeClosed(string ownerId, in ClosedTrade trade)
    {
    }

    /// <summary>Equity was marked at the end of a time step.</summary>
    void OnEquity(long time, decimal equity)
    {
    }
}
