using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

/// <summary>A strategy that records everything it is called with and runs what a test hooks into it.</summary>
internal sealed class HookedStrategy(string id) : IStrategy, IDisposable
{
    public PluginMetadata Metadata { get; } = TestMetadata.For(id);

    public IStrategyContext Context { get; private set; } = null!;

    public Action<IStrategyContext>? Initialized { get; init; }

    /// <summary>Runs on every bar with the context, the instrument, the bar and how many bars came before it.</summary>
    public Action<IStrategyContext, Instrument, Bar, int>? EachBar { get; init; }

    /// <summary>Runs on every trade with the context, the instrument, the trade and how many trades came before it.</summary>
    public Action<IStrategyContext, Instrument, Trade, int>? EachTrade { get; init; }

    public Action<Fill>? EachFill { get; init; }

    public Action<OrderSnapshot>? EachUpdate { get; init; }

    public Exception? DisposeThrows { get; init; }

    public List<(Instrument Instrument, Bar Bar)> Bars { get; } = [];

    public List<long> ClockAtEachBar { get; } = [];

    public List<(Instrument Instrument, Trade Trade)> Trades { get; } = [];

    public List<long> ClockAtEachTrade { get; } = [];

    public List<Fill> Fills { get; } = [];

    public List<OrderSnapshot> Updates { get; } = [];

    public bool Disposed { get; private set; }

    public void Initialize(IStrategyContext context)
    {
        Context = context;
        Initialized?.Invoke(context);
    }

    public void OnBar(Instrument instrument, in Bar bar)
    {
        Bars.Add((instrument, bar));
        ClockAtEachBar.Add(Context.Clock.NowMs);
        EachBar?.Invoke(Context, instrument, bar, Bars.Count - 1);
    }

    public void OnTrade(Instrument instrument, in Trade trade)
    {
        Trades.Add((instrument, trade));
        ClockAtEachTrade.Add(Context.Clock.NowMs);
        EachTrade?.Invoke(Context, instrument, trade, Trades.Count - 1);
    }

    public void OnFill(in Fill fill)
    {
        Fills.Add(fill);
        EachFill?.Invoke(fill);
    }

    public void OnOrderUpdate(in OrderSnapshot order)
    {
        Updates.Add(order);
        EachUpdate?.Invoke(order);
    }

    public void Dispose()
    {
        Disposed = true;
        if (DisposeThrows is not null)
        {
            throw DisposeThrows;
        }
    }
}
