using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

/// <summary>Places one buy limit at <c>limit</c> for <c>quantity</c> on its first bar, and keeps every trade it is shown.</summary>
internal sealed class RestingLimitStrategy : IStrategy
{
    private IStrategyContext _context = null!;
    private bool _placed;

    public PluginMetadata Metadata { get; } = TestMetadata.For(
        "resting-limit",
        PluginKind.Strategy,
        ParameterDefinition.Decimal("limit", 100m, minimum: 0.01m),
        ParameterDefinition.Decimal("quantity", 1m, minimum: 0.00001m));

    public List<(Trade Trade, long Clock)> Trades { get; } = [];

    public void Initialize(IStrategyContext context) => _context = context;

    public void OnBar(Instrument instrument, in Bar bar)
    {
        if (!_placed)
        {
            _placed = true;
            var parameters = _context.Parameters;
            _context.Submit(OrderRequest.Limit(
                instrument,
                OrderSide.Buy,
                Quantity.FromDecimal(parameters.GetDecimal("quantity")),
                Price.FromDecimal(parameters.GetDecimal("limit"))));
        }
    }

    public void OnTrade(Instrument instrument, in Trade trade) => Trades.Add((trade, _context.Clock.NowMs));
}
