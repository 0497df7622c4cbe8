using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// One event on its way to a strategy. The callbacks are ref structs holding the event by
/// reference, so <see cref="StrategySlots.Dispatch"/> is one generic method, specialised per
/// callback by the JIT, that copies and allocates nothing.
/// </summary>
internal interface IStrategyCallback
{
    /// <summary>Which call it is, for the probe and faults.</summary>
    static abstract CallbackPhase Phase { get; }

    void Invoke(IStrategy strategy);
}

/// <summary>A bar closed.</summary>
internal readonly ref struct BarCallback : IStrategyCallback
{
    private readonly Instrument _instrument;
    private readonly ref readonly Bar _bar;

    public BarCallback(Instrument instrument, ref readonly Bar bar)
    {
        _instrument = instrument;
        _bar = ref bar;
    }

    public static CallbackPhase Phase => CallbackPhase.OnBar;

    public void Invoke(IStrategy strategy) => strategy.OnBar(_instrument, in _bar);
}

/// <summary>A public trade printed.</summary>
internal readonly ref struct TradeCallback : IStrategyCallback
{
    private readonly Instrument _instrument;
    private readonly ref readonly Trade _trade;

    public TradeCallback(Instrument instrument, ref readonly Trade trade)
    {
        _instrument = instrument;
        _trade = ref trade;
    }

    public static CallbackPhase Phase => CallbackPhase.OnTrade;

    public void Invoke(IStrategy strategy) => strategy.OnTrade(_instrument, in _trade);
}

/// <summary>One of the strategy's orders filled.</summary>
internal readonly ref struct FillCallback(ref readonly Fill fill) : IStrategyCallback
{
    private readonly ref readonly Fill _fill = ref fill;

    public static CallbackPhase Phase => CallbackPhase.OnFill;

    public void Invoke(IStrategy strategy) => strategy.OnFill(in _fill);
}

/// <summary>One of the strategy's orders changed status.</summary>
internal readonly ref struct OrderUpdateCallback(ref readonly OrderSnapshot order) : IStrategyCallback
{
    private readonly ref readonly OrderSnapshot _order = ref order;

    public static CallbackPhase Phase => CallbackPhase.OnOrderUpdate;

    public void Invoke(IStrategy strategy) => strategy.OnOrderUpdate(in _order);
}
