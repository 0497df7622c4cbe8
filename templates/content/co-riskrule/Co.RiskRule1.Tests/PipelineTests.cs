using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using CryptoOrchestrator.Sdk.Testing;

namespace Co.RiskRule1.Tests;

public class PipelineTests
{
    [Fact]
    public void Rule_InAPipeline_CutsThenRejectsAStrategysOrders()
    {
        // Default caps: a position of 1. Buys of 0.6 fill at each next open: 0.6, then 0.4 (cut), then nothing.
        var options = new HarnessOptions { RiskRules = [new Co_RiskRule1Rule()] };
        var harness = new StrategyHarness(new BuyEveryBar(Quantity.FromDecimal(0.6m)), options);

        harness.Feed(TestBars.FromCloses(100m, 100m, 100m, 100m));

        Assert.Equal(Quantity.FromDecimal(1m), harness.PositionOf().Quantity);
        Assert.Equal([Quantity.FromDecimal(0.6m), Quantity.FromDecimal(0.4m)], harness.Fills.Select(f => f.Quantity));
        var rejected = harness.Orders.Where(o => o.Status == OrderStatus.Rejected).ToList();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, order => Assert.Equal(Co_RiskRule1Rule.MaxPosition, order.Reason));
    }

    /// <summary>Places a market buy on every bar, whatever it holds: a strategy that needs a risk rule.</summary>
    private sealed class BuyEveryBar(Quantity quantity) : IStrategy
    {
        private IStrategyContext _context = null!;

        public PluginMetadata Metadata { get; } = new() { Id = "buy-every-bar", Version = "1.0.0", Kind = PluginKind.Strategy, SdkVersionRange = "[0.1.0, 1.0.0)" };

        public void Initialize(IStrategyContext context) => _context = context;

        public void OnBar(Instrument instrument, in Bar bar) => _context.Submit(OrderRequest.Market(instrument, OrderSide.Buy, quantity));
    }
}
