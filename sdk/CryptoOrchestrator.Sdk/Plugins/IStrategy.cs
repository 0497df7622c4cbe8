using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>
/// Turns market data into signals or orders. Called on one thread, in event order: a strategy
/// needs no locks. <see cref="OnBar"/> is the hot path; keep it free of allocation.
/// </summary>
public interface IStrategy : IPlugin
{
    /// <summary>Called once before any event: read parameters, create indicators, keep the context.</summary>
    void Initialize(IStrategyContext context);

    /// <summary>A bar closed for <paramref name="instrument"/>.</summary>
    void OnBar(Instrument instrument, in Bar bar);

    /// <summary>A public trade printed (live and tick-level backtests only).</summary>
    void OnTrade(Instrument instrument, in Trade trade)
    {
    }

    /// <summary>The top of the book changed (live and quote-level backtests only).</summary>
    void OnQuote(Instrument instrument, in Quote quote)
    {
    }

    /// <summary>One of this strategy's orders changed status.</summary>
    void OnOrderUpdate(in OrderSnapshot order)
    {
    }

    /// <summary>One of this strategy's orders filled, in whole or in part.</summary>
    void OnFill(in Fill fill)
    {
    }
}
