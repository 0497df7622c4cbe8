using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace Accumulating;

/// <summary>Buys one unit at market every tenth bar and never sells: a position that grows until a risk rule stops it.</summary>
public sealed class AccumulatingStrategy : IStrategy
{
    private IStrategyContext _context = null!;
    private long _bars;

    public PluginMetadata Metadata { get; } = new()
    {
        Id = "accumulating",
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.2.0, 1.0.0)",
        Description = "Buys one unit every tenth bar.",
    };

    public void Initialize(IStrategyContext context) => _context = context;

    public void OnBar(Instrument instrument, in Bar bar)
    {
        if (++_bars % 10 == 0)
        {
            _context.Submit(OrderRequest.Market(instrument, OrderSide.Buy, Quantity.FromWhole(1)));
        }
    }
}
