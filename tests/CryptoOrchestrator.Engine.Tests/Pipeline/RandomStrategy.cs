using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

/// <summary>
/// Trades at random through every door the pipeline has: signals of any direction and strength,
/// market, limit, stop and stop-limit orders of any size and time in force, reduce-only closes
/// and cancels. Its randomness comes from the context, so a run is repeatable from its seed.
/// </summary>
internal sealed class RandomStrategy : IStrategy
{
    private readonly List<ClientOrderId> _open = [];
    private IStrategyContext _context = null!;

    public PluginMetadata Metadata { get; } = new()
    {
        Id = "random",
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.1.0, 1.0.0)",
    };

    public void Initialize(IStrategyContext context) => _context = context;

    public void OnBar(Instrument instrument, in Bar bar)
    {
        var random = _context.Random;
        var roll = random.Next(10);
        var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
        var quantity = Quantity.FromDecimal(random.Next(1, 3000) / 1000m);
        var offset = Price.FromDecimal(random.Next(1, 400) / 1m);
        var tif = (TimeInForce)random.Next(1, 4);
        switch (roll)
        {
            case 0:
                _context.Emit(new Signal(instrument, (SignalDirection)random.Next(-1, 2), random.Next(0, 11) / 10.0));
                break;
            case 1:
                Track(OrderRequest.Market(instrument, side, quantity));
                break;
            case 2:
                Track(OrderRequest.Limit(instrument, side, quantity, side == OrderSide.Buy ? bar.Close - offset : bar.Close + offset) with { TimeInForce = tif });
                break;
            case 3:
                Track(OrderRequest.StopMarket(instrument, side, quantity, side == OrderSide.Buy ? bar.Close + offset : bar.Close - offset));
                break;
            case 4:
                var stop = side == OrderSide.Buy ? bar.Close + offset : bar.Close - offset;
                Track(OrderRequest.StopLimit(instrument, side, quantity, stop, stop) with { TimeInForce = tif });
                break;
            case 5:
                Track(OrderRequest.Market(instrument, side, quantity) with { ReduceOnly = true });
                break;
            case 6 when _open.Count > 0:
                var index = random.Next(_open.Count);
                _context.Cancel(_open[index]);
                _open.RemoveAt(index);
                break;
            default:
                break;
        }
    }

    private void Track(in OrderRequest request) => _open.Add(_context.Submit(request));
}
